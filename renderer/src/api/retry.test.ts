import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../shared/errors';
import { retryWhileBusy } from './retry';

const busy: ApiResult<number> = { ok: false, error: { code: 'busy', message: 'An import is writing to the database: try again in a moment.' } };

function answers(...list: ApiResult<number>[]): { send: () => Promise<ApiResult<number>>; calls: () => number } {
  let n = 0;
  return { send: () => Promise.resolve(list[Math.min(n++, list.length - 1)] as ApiResult<number>), calls: () => n };
}

describe('a call answered busy', () => {
  it('is sent again after growing pauses until it goes through', async () => {
    const slept: number[] = [];
    const a = answers(busy, busy, { ok: true, value: 7 });
    const r = await retryWhileBusy(a.send, [100, 200, 400], async (ms) => void slept.push(ms));
    expect(r).toEqual({ ok: true, value: 7 });
    expect(a.calls()).toBe(3);
    expect(slept).toEqual([100, 200]);
  });

  it('gives up after the last pause with the busy error, for the screen to show', async () => {
    const slept: number[] = [];
    const a = answers(busy);
    const r = await retryWhileBusy(a.send, [100, 200, 400], async (ms) => void slept.push(ms));
    expect(r).toEqual(busy);
    expect(a.calls()).toBe(4);
    expect(slept).toEqual([100, 200, 400]);
  });

  it('is not sent again for any other answer', async () => {
    const a = answers({ ok: false, error: { code: 'compliance', message: 'blocked' } });
    expect(await retryWhileBusy(a.send, [100], async () => undefined)).toMatchObject({ ok: false, error: { code: 'compliance' } });
    expect(a.calls()).toBe(1);
  });
});
