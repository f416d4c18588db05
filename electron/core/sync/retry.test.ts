import { describe, expect, it } from 'vitest';
import { SyncFailure } from './failure';
import { nextRoundDelay, retryDelay, withRetries } from './retry';

const policy = { attempts: 4, baseMs: 100, capMs: 1000 };

describe('backoff with jitter', () => {
  it('within a round: full jitter, up to base·2^attempt, capped', () => {
    expect(retryDelay(0, policy, () => 0.999)).toBe(99);
    expect(retryDelay(3, policy, () => 0.999)).toBe(799);
    expect(retryDelay(9, policy, () => 0.999)).toBe(999);
    expect(retryDelay(5, policy, () => 0)).toBe(0);
  });

  it('across rounds: half fixed, half random, doubling from 30 s per failure in a row, up to an hour', () => {
    expect(nextRoundDelay(1, () => 0)).toBe(15_000);
    expect(nextRoundDelay(1, () => 1)).toBe(30_000);
    expect(nextRoundDelay(3, () => 0)).toBe(60_000);
    expect(nextRoundDelay(30, () => 1)).toBe(3_600_000);
  });

  it('retries a retryable failure with a delay, stops at once on one that is not, and gives up after the tries', async () => {
    const slept: number[] = [];
    const hooks = { sleep: async (ms: number) => void slept.push(ms), random: () => 0.5 };
    let calls = 0;
    await expect(withRetries(async () => { calls++; throw new SyncFailure('timeout', 'slow', true); }, policy, hooks)).rejects.toThrow('slow');
    expect(calls).toBe(4);
    expect(slept).toEqual([50, 100, 200]);
    calls = 0;
    await expect(withRetries(async () => { calls++; throw new SyncFailure('signature_refused', 'no', false); }, policy, hooks)).rejects.toThrow('no');
    expect(calls).toBe(1);
    calls = 0;
    expect(await withRetries(async (attempt) => { calls++; if (attempt < 2) throw new SyncFailure('bank_error', '503', true); return 'ok'; }, policy, hooks)).toBe('ok');
    expect(calls).toBe(3);
  });
});
