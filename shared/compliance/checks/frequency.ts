import type { RuleSpec } from '../pack';
import { num, type CheckContext } from '../context';
import { isConnected, type Verdict } from '../types';
import { addDays } from '../zoned';

const masked = (phone: string | null): string => (phone && phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : (phone ?? ''));

/** CN-F1: at most N call attempts a day to the same number of the same debtor. */
export function attemptsPerNumberPerDay(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const { intent, history } = ctx.input;
  if (intent.channel !== 'call' || !intent.phone) return [];
  const max = num(rule.params, 'max', 6);
  const today = history.filter((f) => f.channel === 'call' && f.phone === intent.phone && ctx.dayOf(f) === ctx.today).length;
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
  if (intent.channel !== 'call' || !ctx.intendsDebtor) return [];
  const max = num(rule.params, 'max', 3);
  const reached = history.filter((f) => f.channel === 'call' && f.party === 'debtor' && isConnected(f.resultCode) && ctx.dayOf(f) === ctx.today).length;
  if (reached < max) return [];
  const next = ctx.openingOn(addDays(ctx.today, 1));
  return [
    ctx.verdict(rule, 'block', {
      'zh-CN': `今天已与债务人本人通话 ${reached} 次，每天最多 ${max} 次（全机构合计）。下次可联系：${next}`,
      en: `The debtor has been reached ${reached} times today; at most ${max} a day, all collectors together. Next allowed at ${next}.`,
    }, { nextAllowedAt: next }),
  ];
}

/**
 * US-F: per person, per debt: at most N call attempts within D consecutive days, and none within Q days after a
 * telephone conversation (the conversation day counts as day 1). Days are calendar days in the debtor's zone.
 */
export function attemptsPerDebtInDays(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const { intent, history } = ctx.input;
  if (intent.channel !== 'call' || !ctx.intendsDebtor) return [];
  const max = num(rule.params, 'maxAttempts', 7);
  const days = num(rule.params, 'days', 7);
  const quiet = num(rule.params, 'quietDaysAfterConversation', 7);
  const calls = history.filter((f) => f.caseId === ctx.input.case.id && ctx.isCallToDebtor(f));
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
  const recent = calls.map((f) => ctx.dayOf(f)).filter((d) => d >= from && d <= ctx.today).sort();
  if (recent.length >= max) {
    // The window slides: the first later day on which fewer than `max` attempts remain inside it.
    let day = addDays(ctx.today, 1);
    while (recent.filter((d) => d >= addDays(day, -(days - 1))).length >= max) day = addDays(day, 1);
    const next = ctx.openingOn(day);
    out.push(
      ctx.verdict(rule, 'block', {
        'zh-CN': `近 ${days} 天已就此债务致电 ${recent.length} 次，上限 ${max} 次。下次可致电：${next}`,
        en: `${recent.length} call attempts about this debt in the last ${days} days; at most ${max}. Next allowed at ${next}.`,
      }, { nextAllowedAt: next }),
    );
  }
  return out;
}
