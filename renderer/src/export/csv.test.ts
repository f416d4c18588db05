import { describe, expect, it } from 'vitest';
import { csvOf } from './csv';

describe('csvOf', () => {
  it('quotes commas, quotes and line breaks, and neutralises formulas', () => {
    const text = csvOf({ sheetName: 's', headers: ['时间', '说明'], rows: [['2026/11/24', 'a, "b"\nc'], ['=HYPERLINK("x")', null], [{ value: 1234.5, numFmt: '#,##0.00', text: '1,234.50' }, '+1']] });
    expect(text).toBe('时间,说明\r\n2026/11/24,"a, ""b""\nc"\r\n"\'=HYPERLINK(""x"")",\r\n1234.5,\'+1\r\n');
  });
});
