import { describe, expect, it } from 'vitest';
import { activityPulseMs, pulse } from './pulse';
import { warningLeadMs } from './useIdleLock';

describe('pulse', () => {
  it('runs at once, then drops calls until the interval has passed', () => {
    let t = 0;
    let runs = 0;
    const beat = pulse(1000, () => runs++, () => t);
    beat();
    beat();
    t = 999;
    beat();
    expect(runs).toBe(1);
    t = 1000;
    beat();
    beat();
    expect(runs).toBe(2);
  });

  it('beats often enough for the host to see activity well within the idle-lock time', () => {
    expect(activityPulseMs(15)).toBe(60_000);
    expect(activityPulseMs(1)).toBe(15_000);
  });
});

describe('the idle-lock warning', () => {
  it('comes a minute before the lock, or halfway when the idle time is shorter than two minutes', () => {
    expect(warningLeadMs(15)).toBe(60_000);
    expect(warningLeadMs(1)).toBe(30_000);
  });
});
