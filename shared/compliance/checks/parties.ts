import type { RuleSpec } from '../pack';
import { num, strings, type CheckContext } from '../context';
import { isConnected, type Verdict } from '../types';

const FLAG_WORDS: Record<string, [string, string]> = {
  recalled: ['已退案', 'recalled by the bank'],
  do_not_contact: ['禁止联系', 'marked do-not-contact'],
  deceased: ['债务人已故', 'the debtor is deceased'],
  bankruptcy: ['破产程序中', 'in bankruptcy'],
  lawyer: ['已委托律师', 'represented by a lawyer'],
  cease_communication: ['要求停止联系', 'under a cease-communication request'],
  complaint: ['投诉审查中', 'in an open complaint review'],
  dispute: ['争议处理中', 'in dispute'],
};

/** CN-DNC / US-C: no contact on a case whose status or flags forbid it (US-C: nor a person who asked not to be called). */
export function doNotContact(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const c = ctx.input.case;
  const out: Verdict[] = [];
  const hits = [...strings(rule.params, 'statuses').filter((s) => c.status === s), ...strings(rule.params, 'flags').filter((f) => c.flags.includes(f))];
  if (hits.length > 0) {
    const zh = hits.map((h) => FLAG_WORDS[h]?.[0] ?? h).join('、');
    const en = hits.map((h) => FLAG_WORDS[h]?.[1] ?? h).join(', ');
    out.push(ctx.verdict(rule, 'block', { 'zh-CN': `此案件不可联系：${zh}。`, en: `This case may not be contacted: ${en}.` }));
  }
  if (rule.params.refusedContact === true && refusedBefore(ctx)) {
    out.push(ctx.verdict(rule, 'block', { 'zh-CN': '此人已要求停止联系，不得再拨打此号码。', en: 'This person asked not to be contacted: this number may not be called again.' }));
  }
  return out;
}

/**
 * The contact person refused contact before this contact: always at the pre-dial gate; when recording, only if the
 * refusal was recorded before the call began (a refusal said on the call itself does not stop recording that call).
 */
function refusedBefore(ctx: CheckContext): boolean {
  const { contact, intent, now } = ctx.input;
  if (contact?.status !== 'refuses_contact') return false;
  if (intent.phase === 'pre-dial' || !contact.refusedAt) return true;
  return Date.parse(contact.refusedAt) <= now.getTime();
}

const NEGOTIATION = ['PTP', 'HARDSHIP'];

/**
 * CN-3P: collection only from the debtor. A related or third party is contacted only to ask for contact details or
 * pass on a message: a promise, plan request or hardship negotiation with them is refused; a person who refuses
 * contact is never contacted again; contacting a third party on a day none of the debtor's own numbers was tried is
 * a warn.
 */
export function thirdParty(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const { intent, history } = ctx.input;
  const out: Verdict[] = [];
  if (refusedBefore(ctx)) {
    out.push(ctx.verdict(rule, 'block', { 'zh-CN': '此联系人已明确拒绝联系，不得再联系。', en: 'This person has refused contact and must not be contacted again.' }));
  }
  if (intent.party !== 'related' && intent.party !== 'third') return out;
  if (intent.phase === 'record' && (intent.promise || intent.planRequest || NEGOTIATION.includes(intent.resultCode ?? ''))) {
    out.push(
      ctx.verdict(rule, 'block', {
        'zh-CN': '只能向债务人本人催收：不得与关联人或第三方约定还款承诺、还款计划或协商困难减免。',
        en: 'Collect only from the debtor: no promise, plan request or hardship negotiation with a related or third party.',
      }),
    );
  }
  if (intent.channel === 'call' || intent.channel === 'visit') {
    const ownTried = history.some((f) => f.channel === 'call' && ctx.dayOf(f) === ctx.today && f.phone !== null && ctx.input.debtor.ownPhones.includes(f.phone));
    if (!ownTried) {
      out.push(
        ctx.verdict(rule, 'warn', {
          'zh-CN': '今天尚未尝试联系债务人本人的任何号码，就先联系第三方。',
          en: "Contacting a third party on a day when none of the debtor's own numbers has been tried.",
        }),
      );
    }
  }
  return out;
}

/** US-3P: location-information calls only: no mention of the debt, one contact per third party unless asked to call back. */
export function locationOnly(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const { intent, history, contact } = ctx.input;
  if (intent.party !== 'related' && intent.party !== 'third') return [];
  const out: Verdict[] = [];
  if (intent.phase === 'record' && (intent.promise || intent.planRequest || NEGOTIATION.includes(intent.resultCode ?? ''))) {
    out.push(ctx.verdict(rule, 'block', { 'zh-CN': '与第三方的通话只能询问位置信息，不得提及债务。', en: 'Third-party calls are for location information only: the debt may not be mentioned.' }));
  }
  const max = num(rule.params, 'maxContactsPerThirdParty', 1);
  const same = history
    .filter((f) => (f.party === 'related' || f.party === 'third') && isConnected(f.resultCode))
    .filter((f) => (contact?.id && f.contactPersonId === contact.id) || (intent.phone !== null && f.phone === intent.phone))
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const lastResult = same[same.length - 1]?.resultCode;
  if (same.length >= max && lastResult !== 'CALLBACK') {
    out.push(ctx.verdict(rule, 'block', { 'zh-CN': `已与此第三方联系 ${same.length} 次；除非对方要求回电，只能联系 ${max} 次。`, en: `This third party was already contacted ${same.length} time(s); only ${max} unless they asked to be called back.` }));
  }
  return out;
}
