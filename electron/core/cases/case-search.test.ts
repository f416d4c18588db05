import { describe, expect, it } from 'vitest';
import { searchTerms } from './case-search';

describe('what a search text is looked up in', () => {
  it('reads an ID card number, a whole phone number and a name by their shape', () => {
    expect(searchTerms(' 11010119900307123x ')).toMatchObject({ field: 'idNumber', value: '11010119900307123X', personal: true });
    expect(searchTerms('110101900307123')).toMatchObject({ field: 'idNumber', personal: true });
    expect(searchTerms('+86 139-1234-5678')).toMatchObject({ field: 'phone', value: '13912345678', personal: true });
    expect(searchTerms('１３９１２３４５６７８')).toMatchObject({ field: 'phone', value: '13912345678', personal: true });
    expect(searchTerms('0371-6234567')).toMatchObject({ field: 'phone', value: '03716234567', personal: true });
    expect(searchTerms('张三')).toMatchObject({ field: 'name', value: '张三', personal: true });
    expect(searchTerms('John Smith')).toMatchObject({ field: 'name', personal: true });
  });

  it('looks a case number, a few digits or one character up in no personal field that would tell more than the mask', () => {
    expect(searchTerms('A261100000001')).toMatchObject({ caseNo: 'A261100000001', field: null, personal: false });
    expect(searchTerms('5678')).toMatchObject({ field: null, personal: false });
    expect(searchTerms('张')).toMatchObject({ field: 'name', personal: false });
  });
});
