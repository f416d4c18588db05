import { describe, expect, it } from 'vitest';
import { runsOf } from './apply-pull';

const rec = (seq: number, kind: string, data: Record<string, unknown> = {}) => ({ seq, kind, data });

describe('pulled records in runs for the import', () => {
  it('keeps feed order, groups consecutive records of a kind, and breaks placements at a new batch or a repeated case', () => {
    const runs = runsOf([
      rec(1, 'placement', { caseNo: 'A1', batchNo: 'B1' }),
      rec(2, 'placement', { caseNo: 'A2', batchNo: 'B1' }),
      rec(3, 'placement', { caseNo: 'A3', batchNo: 'B2' }),
      rec(4, 'placement', { caseNo: 'A3', batchNo: 'B2' }),
      rec(5, 'payment', { caseNo: 'A1' }),
      rec(6, 'payment', { caseNo: 'A1' }),
      rec(7, 'notice'),
      rec(8, 'recall', { caseNo: 'A2' }),
      rec(9, 'placement', { caseNo: 'A4', placedAt: '2026-11-01' }),
    ]);
    expect(runs.map((r) => [r.kind, r.records.map((x) => x.seq)])).toEqual([
      ['placement', [1, 2]],
      ['placement', [3]],
      ['placement', [4]],
      ['payment', [5, 6]],
      [null, [7]],
      ['recall', [8]],
      ['placement', [9]],
    ]);
  });
});
