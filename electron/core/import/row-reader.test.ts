import { describe, expect, it } from 'vitest';
import type { AnySection } from './columns';
import { mapRow } from './mapped-row';
import { LIMITS } from './limits';
import { rejection as reported, RowReader, RowRejected, stripTextMark } from './row-reader';

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

describe('a field longer than a cell of Excel holds', () => {
  const section = { dateFormats: ['YYYY-MM-DD'], amountUnit: 'yuan' } as AnySection;
  const columns = { caseNo: 0, debtorName: 1, remarks: 2 };
  const mapped = (cells: string[]) => mapRow({ row: 4, cells }, columns, section, (r) => r.text('remarks'));

  it('rejects its row (too_long), saying how long it is rather than repeating it', () => {
    const m = mapped(['A1', '张三', '备'.repeat(10_000_000)]);
    expect(m).toMatchObject({ caseNo: 'A1', record: null, problem: { field: 'remarks', code: 'too_long', detail: '10,000,000 characters' } });
    expect(mapped(['A1', '张三', '备'.repeat(LIMITS.cellChars)])).toMatchObject({ problem: null, record: '备'.repeat(LIMITS.cellChars) });
    expect(mapped(['A1', '张三', '备'.repeat(LIMITS.cellChars + 1)])).toMatchObject({ problem: { code: 'too_long' } });
  });

  it('reports a case number too long by its first 50 characters', () => {
    const m = mapped(['9'.repeat(30_000_000), '张三', '']);
    expect(m).toMatchObject({ caseNo: `${'9'.repeat(50)}…`, problem: { field: 'caseNo', code: 'too_long' } });
    if (!m?.problem) throw new Error('rejected');
    const r = reported(m.row, m.caseNo, new RowRejected(m.problem.field, m.problem.code, m.problem.detail));
    expect(r).toEqual({ row: 4, caseNo: `${'9'.repeat(50)}…`, field: 'caseNo', code: 'too_long', message: 'Row 4: caseNo is longer than 32,767 characters, the most a cell of Excel holds: 30,000,000 characters.' });
  });

  it('cuts a value a rejection quotes to its first 50 characters', () => {
    const long = `${'7'.repeat(60)}x`;
    const r = (cell: string) => {
      try {
        new RowReader([cell], { placedAt: 0 }, ['YYYY-MM-DD'], 'yuan').date('placedAt');
        return null;
      } catch (err) {
        return (err as RowRejected).detail;
      }
    };
    expect(r(long)).toBe(`${'7'.repeat(50)}… (the profile's dateFormats: YYYY-MM-DD)`);
  });
});
