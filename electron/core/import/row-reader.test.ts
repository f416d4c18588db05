import { describe, expect, it } from 'vitest';
import type { AnySection } from './columns';
import { mapRow } from './mapped-row';
import { RowReader, RowRejected, stripTextMark } from './row-reader';

/** The rejection of reading `cell` as an amount in `unit`. */
function rejection(cell: string, unit: 'yuan' | 'fen'): { code: string; detail?: string } | null {
  try {
    new RowReader([cell], { amount: 0 }, ['YYYY-MM-DD'], unit).amount('amount', true);
    return null;
  } catch (err) {
    if (!(err instanceof RowRejected)) throw err;
    return { code: err.code, detail: err.detail };
  }
}

describe('RowReader.amount', () => {
  it('says a fraction in a file of whole fen is why the amount was refused', () => {
    expect(rejection('100.5', 'fen')).toEqual({ code: 'not_a_number', detail: '100.5 (amounts of this file are whole fen: amountUnit "fen")' });
    expect(rejection('1,000.50', 'fen')?.detail).toMatch(/amountUnit "fen"/);
    expect(rejection('100.00', 'fen')).toBeNull();
    expect(rejection('12.345', 'yuan')).toEqual({ code: 'not_a_number', detail: '12.345' });
    expect(rejection('abc', 'fen')).toEqual({ code: 'not_a_number', detail: 'abc' });
  });
});

describe('a key held as a number in a workbook', () => {
  const mapped = (cell: number) =>
    mapRow({ row: 7, cells: [cell, '张三'] }, { caseNo: 0, debtorName: 1 }, { dateFormats: ['YYYY-MM-DD'], amountUnit: 'yuan' } as AnySection, () => 'read');
  it('is refused when it is too long to be exact, rather than filed under another case number', () => {
    // 620012010000000102 as Excel keeps it: 15 digits, then zeros.
    expect(mapped(620012010000000100)).toMatchObject({
      caseNo: '620012010000000100',
      problem: { field: 'caseNo', code: 'invalid', detail: '620012010000000100, a number of more than 15 digits in the workbook whose last digits are lost: the bank must store it as text' },
    });
    expect(mapped(261100000001)).toMatchObject({ caseNo: '261100000001', record: 'read', problem: null });
  });
});

describe('a key marked as text for Excel', () => {
  it('is read without its apostrophe', () => {
    expect(['\'A2611001', 'A2611001\'', '\'\'A2611001', 'A2611001', 'O\'Neil-1'].map(stripTextMark)).toEqual(['A2611001', 'A2611001', 'A2611001', 'A2611001', 'O\'Neil-1']);
  });
});
