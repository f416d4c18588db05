import type { RuleSpec } from '../pack';
import { num, strings, type CheckContext } from '../context';
import { isConnected, type Verdict } from '../types';
import { addDays, daysBetween } from '../zoned';

/**
 * A confirmation the collector must give (CN-ID, CN-RPC, CN-R1, US-MM, US-REC): before a call it is listed as what
 * will be needed; when the outcome is recorded it applies to a connected call with one of the rule's parties, and
 * is met when confirmed. An attempt in which nobody was reached needs none.
 */
export function disclosure(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const { intent } = ctx.input;
  if (!strings(rule.params, 'channels', ['call']).includes(intent.channel)) return [];
  const parties = strings(rule.params, 'parties', ['debtor']);
  if (intent.phase === 'pre-dial') {
    return parties.includes(intent.party) ? [ctx.verdict(rule, 'require', rule.title)] : [];
  }
  if (!intent.resultCode || !isConnected(intent.resultCode) || !parties.includes(intent.party)) return [];
  return [ctx.verdict(rule, 'require', rule.title, { met: (intent.confirmations ?? []).includes(rule.id) })];
}

/** CN-V1: a visit needs two collectors, identity shown and the debtor's consent before entering. */
export function visitChecklist(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const { intent } = ctx.input;
  if (intent.channel !== 'visit') return [];
  return [ctx.verdict(rule, 'require', rule.title, intent.phase === 'record' ? { met: (intent.confirmations ?? []).includes(rule.id) } : {})];
}

/** US-LCM: a voicemail uses the limited-content message only. */
export function voicemail(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const { intent } = ctx.input;
  if (intent.phase !== 'record' || intent.resultCode !== 'LEFT_MESSAGE') return [];
  return [ctx.verdict(rule, 'require', rule.title, { met: (intent.confirmations ?? []).includes(rule.id) })];
}

/** US-V: the validation notice is due within N days of the initial communication. */
export function validationNotice(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const { history } = ctx.input;
  const days = num(rule.params, 'days', 5);
  const first = history
    .filter((f) => f.caseId === ctx.input.case.id && f.party === 'debtor' && isConnected(f.resultCode))
    .map((f) => ctx.dayOf(f))
    .sort()[0];
  if (!first) return [];
  const letter = history.some((f) => f.caseId === ctx.input.case.id && f.channel === 'letter' && ctx.dayOf(f) >= first);
  if (letter || daysBetween(first, ctx.today) < days) return [];
  return [ctx.verdict(rule, 'warn', { 'zh-CN': `首次沟通（${first}）后 ${days} 天内应寄出债务确认通知，尚无记录。`, en: `No validation notice recorded within ${days} days of the initial communication on ${first} (due by ${addDays(first, days)}).` })];
}

/** CN-E1: "effective collection" evidence for a legal referral: two confirmed collections at least N days apart. */
export function effectiveCollection(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  if (!ctx.input.intent.legalReferral) return [];
  const apart = num(rule.params, 'minDaysApart', 30);
  const days = ctx.input.history
    .filter((f) => f.caseId === ctx.input.case.id && (f.collection ?? (f.party === 'debtor' && isConnected(f.resultCode))))
    .map((f) => ctx.dayOf(f))
    .sort();
  const first = days[0];
  const last = days[days.length - 1];
  if (first && last && daysBetween(first, last) >= apart) return [];
  return [ctx.verdict(rule, 'warn', { 'zh-CN': `移交诉讼需要至少两次相隔 ${apart} 天以上的有效催收记录。`, en: `A legal referral needs two confirmed collections at least ${apart} days apart.` })];
}
