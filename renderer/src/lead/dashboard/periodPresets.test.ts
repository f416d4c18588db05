import { describe, expect, it } from 'vitest';
import { presetOf, presetRange } from './periodPresets';

describe('period presets', () => {
  it('this month runs from the 1st to today', () => {
    expect(presetRange('thisMonth', '2026-11-24')).toEqual({ from: '2026-11-01', to: '2026-11-24' });
  });
  it('last month is the whole month before, across a year end and a leap February', () => {
    expect(presetRange('lastMonth', '2026-11-24')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetRange('lastMonth', '2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetRange('lastMonth', '2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
  it('recognises a preset period', () => {
    expect(presetOf({ from: '2026-10-01', to: '2026-10-31' }, '2026-11-24')).toBe('lastMonth');
    expect(presetOf({ from: '2026-10-02', to: '2026-10-31' }, '2026-11-24')).toBeNull();
  });
});
