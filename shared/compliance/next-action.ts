import { windowOf } from './context';
import type { ResultCode } from './types';
import { addDays, localDay, localMinuteOfDay, zonedInstant } from './zoned';

/**
 * What a result code makes of the case's next action:
 * - `promise`: the promise date, when the window opens (check the payment arrived);
 * - `callback`: the time agreed with the person reached — required, never proposed;
 * - `retry`: later the same day (`minutes` on), or when the calling window next opens;
 * - `days`: `days` calendar days on, when the window opens;
 * - `none`: the case stops being called (dispute, complaint, deceased): nothing proposed, the follow-up is a lead's.
 */
export type NextActionRule =
  | { kind: 'promise' }
  | { kind: 'callback' }
  | { kind: 'retry'; minutes: number }
  | { kind: 'days'; days: number }
  | { kind: 'none' };

export const NEXT_ACTION_RULES: Record<ResultCode, NextActionRule> = {
  PTP: { kind: 'promise' },
  CALLBACK: { kind: 'callback' },
  NO_ANSWER: { kind: 'retry', minutes: 120 },
  POWERED_OFF: { kind: 'retry', minutes: 120 },
  BUSY: { kind: 'retry', minutes: 30 },
  LEFT_MESSAGE: { kind: 'days', days: 1 },
  REFUSED: { kind: 'days', days: 1 },
  HARDSHIP: { kind: 'days', days: 1 },
  WRONG_NUMBER: { kind: 'days', days: 1 },
  DISCONNECTED: { kind: 'days', days: 1 },
  PAID_CLAIM: { kind: 'days', days: 2 },
  DISPUTE: { kind: 'none' },
  DECEASED: { kind: 'none' },
  COMPLAINT: { kind: 'none' },
};

export interface NextActionContext {
  /** when the outcome is recorded */
  now: Date;
  /** the debtor's time zone */
  timezone: string;
  /** the rule pack's callingHours parameters (windowStart, windowEnd); absent: 08:00–22:00 */
  hours: Record<string, unknown> | null;
  /** the promise's due date (YYYY-MM-DD), for PTP */
  promiseDate?: string;
}

function opening(day: string, hours: Record<string, unknown> | null, tz: string): Date {
  const { start } = windowOf(hours ?? {});
  return zonedInstant(day, Math.floor(start / 60), start % 60, tz);
}

/** The first instant at or after `at` inside the calling window, in the debtor's zone. */
export function withinWindow(at: Date, hours: Record<string, unknown> | null, tz: string): Date {
  const { start, end } = windowOf(hours ?? {});
  const minute = localMinuteOfDay(at, tz);
  const day = localDay(at, tz);
  if (start <= end) {
    if (minute < start) return opening(day, hours, tz);
    if (minute >= end) return opening(addDays(day, 1), hours, tz);
    return at;
  }
  // A window across midnight (e.g. 20:00–02:00): closed between end and start.
  if (minute >= end && minute < start) return opening(day, hours, tz);
  return at;
}

/** The next action a result code proposes (the collector may change it); null when the code proposes none. */
export function proposeNextAction(code: ResultCode, ctx: NextActionContext): Date | null {
  const rule = NEXT_ACTION_RULES[code];
  const { now, timezone: tz, hours } = ctx;
  switch (rule.kind) {
    case 'promise':
      if (!ctx.promiseDate) return null;
      return withinWindow(opening(ctx.promiseDate, hours, tz) < now ? now : opening(ctx.promiseDate, hours, tz), hours, tz);
    case 'retry':
      return withinWindow(new Date(now.getTime() + rule.minutes * 60_000), hours, tz);
    case 'days':
      return opening(addDays(localDay(now, tz), rule.days), hours, tz);
    default:
      return null;
  }
}
