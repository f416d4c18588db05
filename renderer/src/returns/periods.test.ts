import { describe, expect, it } from 'vitest';
import { periodProblem, presetOf, presetPeriod } from './periods';

describe('returns periods', () => {
  it('gives the presets from the app’s today', () => {
    expect(presetPeriod('yesterday', '2026-11-01')).toEqual({ from: '2026-10-31', to: '2026-10-31' });
    expect(presetPeriod('last7', '2026-11-24')).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(presetPeriod('thisMonth', '2026-11-24')).toEqual({ from: '2026-11-01', to: '2026-11-24' });
    expect(presetPeriod('lastMonth', '2026-03-15')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetOf({ from: '2026-11-23', to: '2026-11-23' }, '2026-11-24')).toBe('yesterday');
    expect(presetOf({ from: '2026-11-20', to: '2026-11-23' }, '2026-11-24')).toBeNull();
  });
  it('names what is wrong with a period', () => {
    expect(periodProblem({ from: '', to: '2026-11-01' })).toBe('missing');
    expect(periodProblem({ from: '2026-11-02', to: '2026-11-01' })).toBe('backwards');
    expect(periodProblem({ from: '2025-10-31', to: '2026-11-01' })).toBe('tooLong');
    expect(periodProblem({ from: '2026-11-01', to: '2026-11-30' })).toBeNull();
  });
});
