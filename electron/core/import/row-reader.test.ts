import { describe, expect, it } from 'vitest';
import { RowReader, RowRejected } from './row-reader';

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
