import type { RuleSpec } from '../pack';
import { strings, windowOf, type CheckContext } from '../context';
import type { EngineDebtor, Verdict } from '../types';
import { addDays, formatZoned, localDay, localMinuteOfDay, parseClock, zonedInstant } from '../zoned';

export const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function inWindow(minute: number, start: number, end: number): boolean {
  return start <= end ? minute >= start && minute < end : minute >= start || minute < end;
}

export interface WindowState {
  open: boolean;
  /** the debtor's local clock, HH:MM */
  localTime: string;
  /** the window, HH:MM */
  start: string;
  end: string;
  /** when it next opens (debtor's offset), when closed */
  opensAt: string | null;
}

/**
 * Whether the calling window (a pack's callingHours parameters) is open at `at` in the debtor's zone, counting the
 * debtor's recorded consent to other hours. The work queue, the next-action check and the pre-dial gate all use it.
 */
export function callingWindowAt(params: Record<string, unknown>, at: Date, tz: string, consent: EngineDebtor['consent'] = null): WindowState {
  const w = windowOf(params);
  const minute = localMinuteOfDay(at, tz);
  const today = localDay(at, tz);
  const base = { localTime: hhmm(minute), start: hhmm(w.start), end: hhmm(w.end) };
  if (inWindow(minute, w.start, w.end)) return { ...base, open: true, opensAt: null };
  if (consent && consent.validUntil >= today && inWindow(minute, parseClock(consent.windowStart), parseClock(consent.windowEnd))) return { ...base, open: true, opensAt: null };
  const day = minute < w.start ? today : addDays(today, 1);
  return { ...base, open: false, opensAt: formatZoned(zonedInstant(day, Math.floor(w.start / 60), w.start % 60, tz), tz) };
}

/** CN-T1 / US-T: no contact outside the window in the debtor's local time, unless a recorded consent covers it. */
export function callingHours(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const { intent, debtor } = ctx.input;
  if (!strings(rule.params, 'channels', ['call', 'sms', 'visit']).includes(intent.channel) || intent.direction === 'inbound') return [];
  const s = callingWindowAt(rule.params, ctx.input.now, ctx.input.timezone, debtor.consent);
  if (s.open) return [];
  const next = ctx.nextOpening();
  const call = intent.channel === 'call';
  return [
    ctx.verdict(rule, 'block', {
      'zh-CN': `现在是债务人当地时间${s.localTime}，${s.end}–${s.start}不得${call ? '致电' : '联系'}；${s.start}后可${call ? '拨打' : '联系'}。`,
      en: `It is ${s.localTime} where the debtor is; no ${call ? 'calls' : 'contact'} between ${s.end} and ${s.start}. ${call ? 'Calls may be made' : 'Contact is allowed'} from ${s.start}.`,
    }, { nextAllowedAt: next }),
  ];
}
