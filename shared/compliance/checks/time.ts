import type { RuleSpec } from '../pack';
import { strings, windowOf, type CheckContext } from '../context';
import type { Verdict } from '../types';
import { parseClock } from '../zoned';

const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function inWindow(minute: number, start: number, end: number): boolean {
  return start <= end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** CN-T1 / US-T: no contact outside the window in the debtor's local time, unless a recorded consent covers it. */
export function callingHours(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const { intent, debtor } = ctx.input;
  if (!strings(rule.params, 'channels', ['call', 'sms', 'visit']).includes(intent.channel) || intent.direction === 'inbound') return [];
  const w = windowOf(rule.params);
  if (inWindow(ctx.minute, w.start, w.end)) return [];
  const c = debtor.consent;
  if (c && c.validUntil >= ctx.today && inWindow(ctx.minute, parseClock(c.windowStart), parseClock(c.windowEnd))) return [];
  const next = ctx.nextOpening();
  return [
    ctx.verdict(rule, 'block', {
      'zh-CN': `${hhmm(w.end)}至次日${hhmm(w.start)}（债务人当地时间）不得联系；现在是当地 ${hhmm(ctx.minute)}。下次可联系：${next}`,
      en: `No contact between ${hhmm(w.end)} and ${hhmm(w.start)} in the debtor's local time (it is ${hhmm(ctx.minute)} there). Next allowed at ${next}.`,
    }, { nextAllowedAt: next }),
  ];
}
