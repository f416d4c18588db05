import type { RuleSpec } from '../pack';
import { num, type CheckContext } from '../context';
import { isConnected, type ResultCode, type Verdict } from '../types';
import { addDays } from '../zoned';

const masked = (phone: string | null): string => (phone && phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : (phone ?? ''));

/** CN-F1: at most N call attempts a day to the same number of the same debtor. */
export function attemptsPerNumberPerDay(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const { intent, history } = ctx.input;
  if (intent.channel !== 'call' || intent.direction === 'inbound' || !intent.phone) return [];
  const max = num(rule.params, 'max', 6);
  const today = history.filter((f) => f.channel === 'call' && f.direction !== 'inbound' && f.phone === intent.phone && ctx.dayOf(f) === ctx.today).length;
  if (today < max) return [];
  const next = ctx.openingOn(addDays(ctx.today, 1));
  return [
    ctx.verdict(rule, 'block', {
      'zh-CN': `今天已拨打 ${masked(intent.phone)} ${today} 次，同一号码每天最多 ${max} 次。下次可拨打：${next}`,
      en: `${masked(intent.phone)} has been called ${today} times today; at most ${max} attempts a day per number. Next allowed at ${next}.`,
    }, { nextAllowedAt: next }),
  ];
}

/** CN-F2: at most N calls a day in which the debtor was reached (all collectors, all the debtor's cases of the client). */
export function connectedPerDebtorPerDay(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const { intent, history } = ctx.input;
  if (intent.channel !== 'call' || intent.direction === 'inbound' || !ctx.intendsDebtor) return [];
  const max = num(rule.params, 'max', 3);
  const reached = history.filter((f) => f.channel === 'call' && f.direction !== 'inbound' && f.party === 'debtor' && isConnected(f.resultCode) && ctx.dayOf(f) === ctx.today).length;
  if (reached < max) return [];
  const next = ctx.openingOn(addDays(ctx.today, 1));
  return [
    ctx.verdict(rule, 'block', {
      'zh-CN': `今天已与债务人本人通话 ${reached} 次，每天最多 ${max} 次（全机构合计）。下次可联系：${next}`,
      en: `The debtor has been reached ${reached} times today; at most ${max} a day, all collectors together. Next allowed at ${next}.`,
    }, { nextAllowedAt: next }),
  ];
}

/** Results in which the call did not connect to the dialed number (busy signal, not-in-service announcement). */
const NOT_CONNECTED_TO_NUMBER: readonly ResultCode[] = ['BUSY', 'DISCONNECTED'];

/**
 * US-F: per person, per debt: at most N call attempts within D consecutive days, and none within Q days after a
 * telephone conversation (the conversation day counts as day 1). Days are calendar days in the debtor's zone.
 * Not counted (1006.14(b)(3)): a call not connected to the dialed number (busy, not in service — a call that rings
 * out or reaches voicemail is connected), and calls placed within D days of the person's direct prior consent (a
 * callback they asked for, recorded as such), to which neither limit applies. A call the person makes to the agency
 * is no attempt, but a conversation in it starts the wait.
 */
export function attemptsPerDebtInDays(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const { intent, history } = ctx.input;
  if (intent.channel !== 'call' || intent.direction === 'inbound' || !ctx.intendsDebtor) return [];
  const max = num(rule.params, 'maxAttempts', 7);
  const days = num(rule.params, 'days', 7);
  const quiet = num(rule.params, 'quietDaysAfterConversation', 7);
  const calls = history.filter((f) => f.caseId === ctx.input.case.id && ctx.isCallToDebtor(f));
  // Consent covers the day it was given and the next days - 1 days.
  const consentDays = calls.filter((f) => f.consentToCall && f.party === 'debtor' && isConnected(f.resultCode)).map((f) => ctx.dayOf(f));
  const underConsent = (day: string): boolean => consentDays.some((c) => day >= c && day <= addDays(c, days - 1));
  if (underConsent(ctx.today)) return [];
  const out: Verdict[] = [];
  const conversations = calls.filter((f) => f.party === 'debtor' && isConnected(f.resultCode)).map((f) => ctx.dayOf(f)).sort();
  const last = conversations[conversations.length - 1];
  if (last && ctx.today <= addDays(last, quiet - 1)) {
    const next = ctx.openingOn(addDays(last, quiet));
    out.push(
      ctx.verdict(rule, 'block', {
        'zh-CN': `${last} 已与本人通话，此后 ${quiet} 天内（含当天）不得就此债务再致电。下次可致电：${next}`,
        en: `A telephone conversation took place on ${last}; no calls about this debt within ${quiet} days of it (that day counts as day 1). Next allowed at ${next}.`,
      }, { nextAllowedAt: next }),
    );
  }
  const from = addDays(ctx.today, -(days - 1));
  const attempts = calls.filter((f) => f.direction !== 'inbound' && !NOT_CONNECTED_TO_NUMBER.includes(f.resultCode));
  const recent = attempts.map((f) => ctx.dayOf(f)).filter((d) => d >= from && d <= ctx.today && !underConsent(d)).sort();
  if (recent.length >= max) {
    // The window slides: the first later day on which fewer than `max` attempts remain inside it.
    let day = addDays(ctx.today, 1);
    while (recent.filter((d) => d >= addDays(day, -(days - 1))).length >= max) day = addDays(day, 1);
    const next = ctx.openingOn(day);
    out.push(
      ctx.verdict(rule, 'block', {
        'zh-CN': `近 ${days} 天已就此债务致电 ${recent.length} 次，上限 ${max} 次（占线、空号不计）。下次可致电：${next}`,
        en: `${recent.length} call attempts about this debt in the last ${days} days; at most ${max} (busy signals and not-in-service numbers do not count). Next allowed at ${next}.`,
      }, { nextAllowedAt: next }),
    );
  }
  return out;
}
