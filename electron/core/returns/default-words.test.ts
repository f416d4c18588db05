import { describe, expect, it } from 'vitest';
import { RESULT_CODES } from '../../../shared/compliance/types';
import { ReturnsSection } from '../../../shared/profile/returns-schema';
import { rowFormatter } from './cells';

const section = (valueMaps?: Record<string, Record<string, string>>) =>
  ReturnsSection.parse({
    format: 'csv',
    columns: [
      { header: '记录类型', field: 'recordType' },
      { header: '计划类型', field: 'planKind' },
      { header: '承诺状态', field: 'promiseStatus' },
      { header: '联系对象', field: 'party' },
    ],
    resultCodes: Object.fromEntries(RESULT_CODES.map((c) => [c, c])),
    valueMaps,
  });

describe('words in a returns file', () => {
  const record = { type: 'plan' as const, id: 'p1', values: { recordType: 'plan', planKind: 'installment', promiseStatus: 'partly_kept', party: 'related' } };

  it('a value the profile does not map is written in our Chinese words, never as an internal name', () => {
    expect(rowFormatter(section(), 'Asia/Shanghai')(record)).toEqual(['还款计划', '分期', '部分履约', '联系人']);
  });

  it("the bank's own words win where the profile maps them", () => {
    expect(rowFormatter(section({ planKind: { installment: 'FQ' } }), 'Asia/Shanghai')(record)).toEqual(['还款计划', 'FQ', '部分履约', '联系人']);
  });
});
