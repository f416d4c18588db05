import { describe, expect, it } from 'vitest';
import { callingWindowAt } from './time';

const CN = { windowStart: '08:00', windowEnd: '22:00' };

describe('the calling window in the debtor’s zone', () => {
  it('is open 08:00–21:59 and says when it opens otherwise', () => {
    expect(callingWindowAt(CN, new Date('2026-11-24T21:59:00+08:00'), 'Asia/Shanghai')).toMatchObject({ open: true, opensAt: null });
    expect(callingWindowAt(CN, new Date('2026-11-24T22:40:00+08:00'), 'Asia/Shanghai')).toEqual({ open: false, localTime: '22:40', start: '08:00', end: '22:00', opensAt: '2026-11-25T08:00:00+08:00' });
    expect(callingWindowAt(CN, new Date('2026-11-25T06:10:00+08:00'), 'Asia/Shanghai')).toMatchObject({ open: false, localTime: '06:10', opensAt: '2026-11-25T08:00:00+08:00' });
  });
  it('uses the debtor’s zone, and their recorded consent to other hours', () => {
    // 23:30 in Shanghai is 21:30 in Urumqi.
    expect(callingWindowAt(CN, new Date('2026-11-24T15:30:00Z'), 'Asia/Urumqi').open).toBe(true);
    const consent = { windowStart: '22:00', windowEnd: '23:00', validUntil: '2026-12-31' };
    expect(callingWindowAt(CN, new Date('2026-11-24T22:40:00+08:00'), 'Asia/Shanghai', consent).open).toBe(true);
    expect(callingWindowAt(CN, new Date('2026-11-24T22:40:00+08:00'), 'Asia/Shanghai', { ...consent, validUntil: '2026-11-23' }).open).toBe(false);
  });
});
