import { evaluate } from '../../../shared/compliance/engine';
import { getCaseDetail } from '../cases/case-detail';
import { setFlag } from '../cases/flags';
import { unmask } from '../cases/unmask';
import { isoNow } from '../clock';
import { checkContact } from '../contact/check-contact';
import { addContactPerson, setContactStatus } from '../contact/contact-persons';
import { intentOf, loadContactContext, requestForCase } from '../contact/contact-context';
import { recordActivity } from '../contact/record-activity';
import { callScript } from '../scripts/call-script';
import type { Handlers } from './handlers';
import { requireActor, requireDb } from './context';

type WorkbenchHandlers = Pick<Handlers, 'case.get' | 'case.unmask' | 'case.setFlag' | 'contact.check' | 'contact.setStatus' | 'contact.add' | 'notes.screen' | 'activity.record' | 'script.get'>;

/** The instant the call began: its duration back from now (a refusal said during the call does not stop recording it). */
function callStart(durationS: number | undefined, now: Date): Date {
  return new Date(now.getTime() - (durationS ?? 0) * 1000);
}

export const workbenchHandlers: WorkbenchHandlers = {
  'case.get': (i, ctx) => getCaseDetail(requireDb(ctx), requireActor(ctx), i.caseId, ctx.clock.now()),
  'case.unmask': (i, ctx) => ({ value: unmask(requireDb(ctx), requireActor(ctx), i.caseId, i.field, i.contactId, isoNow(ctx.clock)) }),
  'case.setFlag': (i, ctx) => ({ flags: setFlag(requireDb(ctx), requireActor(ctx), i.caseId, i.flag, i.on, i.reason, isoNow(ctx.clock)) }),
  'contact.check': (i, ctx) => {
    const db = requireDb(ctx);
    const actor = requireActor(ctx);
    return checkContact(db, actor, requestForCase(db, actor, i.caseId, i.contactId, i.channel, i.party, ctx.clock.now()));
  },
  'notes.screen': (i, ctx) => {
    const db = requireDb(ctx);
    const actor = requireActor(ctx);
    const req = requestForCase(db, actor, i.caseId, null, 'call', 'debtor', ctx.clock.now());
    const c = loadContactContext(db, actor, req);
    const pack = { ...c.pack, rules: c.pack.rules.filter((r) => r.check === 'prohibitedConduct' || r.check === 'paymentChannel' || r.check === 'timeBarred') };
    return evaluate(pack, { ...c.input, intent: intentOf(req, { phase: 'record', notes: i.notes }) }).verdicts;
  },
  'activity.record': (i, ctx) => {
    const db = requireDb(ctx);
    const actor = requireActor(ctx);
    const req = requestForCase(db, actor, i.caseId, i.contactId, i.channel, i.party, callStart(i.durationS, ctx.clock.now()));
    const r = recordActivity(db, actor, { ...req, resultCode: i.resultCode, confirmations: i.confirmations, promise: i.promise, plan: i.plan, notes: i.notes, reason: i.reason, nextActionAt: i.nextActionAt, recordingRef: i.recordingRef, durationS: i.durationS, direction: i.direction, consentToCall: i.consentToCall, requireReasonForWarns: true, nextActionByResult: true });
    return { activityId: r.activityId, promiseId: r.promiseId, planId: r.planId, verdicts: r.evaluation.verdicts };
  },
  'contact.setStatus': (i, ctx) => ({ status: setContactStatus(requireDb(ctx), requireActor(ctx), i.caseId, i.contactId, i.status, i.reason, isoNow(ctx.clock)) }),
  'contact.add': (i, ctx) => ({ contactId: addContactPerson(requireDb(ctx), requireActor(ctx), i.caseId, { relation: i.relation, name: i.name, phone: i.phone }, isoNow(ctx.clock)) }),
  'script.get': (i, ctx) => callScript(requireDb(ctx), requireActor(ctx), i.caseId, i.party, ctx.clock.now()),
};
