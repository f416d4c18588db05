import { describe, expect, it } from 'vitest';
import { DATE_TIME_PICKER_FORMAT, DAY_PICKER_FORMAT, formatCalendarDay, formatDateTime, formatShortDay } from './format';
import { formatDay } from './workbench/dates';

describe('one date style', () => {
  it('a calendar date: 2026/11/24 in Chinese, 24 Nov 2026 in English — whatever the machine’s locale', () => {
    expect(formatCalendarDay('2026-11-24', 'zh-CN')).toBe('2026/11/24');
    expect(formatCalendarDay('2026-11-03', 'en')).toBe('03 Nov 2026');
    expect(formatCalendarDay('2026-09-30', 'en')).toBe('30 Sep 2026'); // as the picker writes it (never en-GB's “Sept”)
    expect(formatDay('2026-12-01', 'en')).toBe('01 Dec 2026'); // the workbench's helper is the same style
    expect(formatCalendarDay('2026-02-30', 'zh-CN')).toBe('2026-02-30'); // not a date: as it came
    expect(formatCalendarDay(null, 'zh-CN')).toBe('');
  });

  it('an instant in workstation time, 24-hour', () => {
    const local = new Date(2026, 10, 24, 14, 5).toISOString();
    expect(formatDateTime(local, 'zh-CN')).toBe('2026/11/24 14:05');
    expect(formatDateTime(local, 'en')).toBe('24 Nov 2026, 14:05');
  });

  it('a chart axis drops the year', () => {
    expect(formatShortDay('2026-11-24', 'zh-CN')).toBe('11/24');
    expect(formatShortDay('2026-11-24', 'en')).toBe('24 Nov');
  });

  it('the pickers take and show the same forms', () => {
    expect(DAY_PICKER_FORMAT['zh-CN']).toBe('YYYY/MM/DD');
    expect(DAY_PICKER_FORMAT.en).toBe('DD MMM YYYY');
    expect(DATE_TIME_PICKER_FORMAT.en).toBe('DD MMM YYYY, HH:mm');
  });
});
