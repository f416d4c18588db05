import { describe, expect, it } from 'vitest';
import { proposeNextAction, withinWindow } from './next-action';

const TZ = 'Asia/Shanghai';
const HOURS = { windowStart: '08:00', windowEnd: '21:00' };
/** An instant by its Shanghai wall clock. */
const sh = (local: string) => new Date(`${local}+08:00`);
const at = (local: string, extra: { promiseDate?: string } = {}) => ({ now: sh(local), timezone: TZ, hours: HOURS, ...extra });

describe('proposeNextAction', () => {
  it('retries an unanswered call later the same day while the window is open', () => {
    expect(proposeNextAction('NO_ANSWER', at('2026-11-24T10:00:00'))).toEqual(sh('2026-11-24T12:00:00'));
    expect(proposeNextAction('BUSY', at('2026-11-24T10:00:00'))).toEqual(sh('2026-11-24T10:30:00'));
  });

  it('moves a retry past the window’s end to the next opening, in the debtor’s zone', () => {
    expect(proposeNextAction('NO_ANSWER', at('2026-11-24T20:00:00'))).toEqual(sh('2026-11-25T08:00:00'));
    expect(proposeNextAction('POWERED_OFF', at('2026-11-24T06:00:00'))).toEqual(sh('2026-11-24T08:00:00'));
  });

  it('sets a promise’s follow-up on its date when the window opens', () => {
    expect(proposeNextAction('PTP', at('2026-11-24T10:00:00', { promiseDate: '2026-11-28' }))).toEqual(sh('2026-11-28T08:00:00'));
    // A promise for today: now, not a time already past.
    expect(proposeNextAction('PTP', at('2026-11-24T10:00:00', { promiseDate: '2026-11-24' }))).toEqual(sh('2026-11-24T10:00:00'));
    expect(proposeNextAction('PTP', at('2026-11-24T10:00:00'))).toBeNull();
  });

  it('proposes nothing for a callback (the agreed time is asked for) or a case that stops being called', () => {
    expect(proposeNextAction('CALLBACK', at('2026-11-24T10:00:00'))).toBeNull();
    expect(proposeNextAction('DISPUTE', at('2026-11-24T10:00:00'))).toBeNull();
    expect(proposeNextAction('COMPLAINT', at('2026-11-24T10:00:00'))).toBeNull();
  });

  it('tries a wrong number’s case again the next morning', () => {
    expect(proposeNextAction('WRONG_NUMBER', at('2026-11-24T23:30:00'))).toEqual(sh('2026-11-25T08:00:00'));
    expect(proposeNextAction('PAID_CLAIM', at('2026-11-24T10:00:00'))).toEqual(sh('2026-11-26T08:00:00'));
  });
});

describe('withinWindow', () => {
  it('handles a window across midnight', () => {
    const night = { windowStart: '20:00', windowEnd: '02:00' };
    expect(withinWindow(sh('2026-11-24T23:00:00'), night, TZ)).toEqual(sh('2026-11-24T23:00:00'));
    expect(withinWindow(sh('2026-11-24T10:00:00'), night, TZ)).toEqual(sh('2026-11-24T20:00:00'));
  });
});
