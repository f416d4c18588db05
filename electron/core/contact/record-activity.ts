import { evaluate, type Evaluation } from '../../../shared/compliance/engine';
import { isConnected, type Direction, type ResultCode } from '../../../shared/compliance/types';
import { proposeNextAction } from '../../../shared/compliance/next-action';
import { localDay } from '../../../shared/compliance/zoned';
import { uuidv7 } from '../../../shared/domain/ids';
import { formatFen } from '../../../shared/domain/money';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { enqueueFindings, findingsOfVerdicts } from '../review/queue';
import { recordChange } from '../hub/write-path';
import { stationOf } from '../hub/station-state';
import { intentOf, loadContactContext, type ContactRequest } from './contact-context';

export interface PlanRequest {
  kind: 'installment' | 'deferral' | 'settlement';
  /** installments or the deferred date(s) */
  schedule: { dueDate: string; amountFen: number }[];
  waiverFen: number;
}

export interface RecordActivity extends ContactRequest {
  resultCode: ResultCode;
  confirmations: string[];
  promise?: { amountFen: number; dueDate: string };
  plan?: PlanRequest;
  notes?: string;
  /** the reason given for proceeding despite a warn (audited) */
  reason?: string;
  recordingRef?: string;
  durationS?: number;
  nextActionAt?: string;
  legalReferral?: boolean;
  /** inbound: the person called the agency (no attempt toward the frequency limits). Absent: outbound */
  direction?: Direction;
  /** the debtor asked on this call to be called (direct prior consent: US-F does not count the next 7 days' calls) */
  consentToCall?: boolean;
  /** the app asks for a reason whenever a warn applies (the CLI records warns with the reason if given) */
  requireReasonForWarns?: boolean;
  /** without a next action, the one the result code proposes (NEXT_ACTION_RULES) is set; a callback must give its time */
  nextActionByResult?: boolean;
}

export interface Recorded {
  activityId: string;
  promiseId: string | null;
  planId: string | null;
  evaluation: Evaluation;
}

/** Refused by the compliance engine: carries the verdicts for the CLI and the UI. */
export class ComplianceRefusal extends CoreError {
  constructor(
    readonly evaluation: Evaluation,
    reason?: string,
  ) {
    const blocks = evaluation.verdicts.filter((v) => v.kind === 'block');
    const unmet = evaluation.verdicts.filter((v) => v.kind === 'require' && v.met === false);
    const message = reason ?? (blocks.length
      ? `Refused by ${blocks.map((v) => v.rule).join(', ')}: ${blocks[0]?.message}`
      : `Not recorded: confirm ${unmet.map((v) => v.rule).join(', ')} first.`);
    super('compliance', message, { allowed: evaluation.allowed, verdicts: evaluation.verdicts });
  }
}

const FLAG_OF: Partial<Record<ResultCode, string>> = { DISPUTE: 'dispute', COMPLAINT: 'complaint', DECEASED: 'deceased' };

function nextStatus(current: string, r: RecordActivity): string {
  if (current === 'recalled' || current === 'closed' || current === 'paid') return current;
  if (r.resultCode === 'DISPUTE') return 'disputed';
  if (r.plan) return 'plan';
  if (r.promise) return 'ptp';
  return current === 'new' ? 'working' : current;
}

function validate(r: RecordActivity, balanceFen: number, dueBackAt: string | null, today: string): void {
  if (r.resultCode === 'PTP' && !r.promise) throw new CoreError('invalid_input', 'A PTP result needs the promised amount and date.', { field: 'promise' });
  if (r.promise) {
    if (r.promise.amountFen <= 0) throw new CoreError('invalid_input', 'The promised amount must be more than zero.', { field: 'promise.amount' });
    if (r.promise.amountFen > balanceFen) {
      throw new CoreError('invalid_input', `The promised amount is more than the balance (${formatFen(balanceFen)}).`, { field: 'promise.amount' });
    }
    if (r.promise.dueDate < today) throw new CoreError('invalid_input', 'The promise date is in the past.', { field: 'promise.date' });
    if (dueBackAt && r.promise.dueDate > dueBackAt) {
      throw new CoreError('invalid_input', `The promise date is after the case goes back to the bank (${dueBackAt}).`, { field: 'promise.date' });
    }
  }
  if (r.consentToCall && (r.party !== 'debtor' || !isConnected(r.resultCode) || r.channel !== 'call')) {
    throw new CoreError('invalid_input', 'Consent to be called is given by the debtor on a call in which they were reached.', { field: 'consentToCall' });
  }
  if (!isConnected(r.resultCode) && (r.promise || r.plan)) {
    throw new CoreError('invalid_input', `${r.resultCode} means nobody was reached: no promise or plan can come of it.`, { field: 'result' });
  }
}

/**
 * Records a contact: the compliance engine is asked at `at`, inside the same transaction that writes the
 * activity, its promise or plan request, the case's new status, the audit row and the outbox rows — so counters
 * cannot race. A block or an unmet require refuses it; warns are recorded with it, with the reason if given.
 */
export function recordActivity(db: Db, actor: Actor, r: RecordActivity): Recorded {
  return db.transaction((): Recorded => {
    const ctx = loadContactContext(db, actor, r);
    const today = localDay(r.at, ctx.timezone);
    validate(r, ctx.caseRow.balance_fen, ctx.caseRow.due_back_at, today);
    let nextActionAt = r.nextActionAt;
    if (r.nextActionByResult) {
      if (r.resultCode === 'CALLBACK' && !nextActionAt) throw new CoreError('invalid_input', 'A callback needs the agreed date and time.', { field: 'nextAction' });
      if (r.resultCode === 'CALLBACK' && nextActionAt && Date.parse(nextActionAt) <= r.at.getTime()) throw new CoreError('invalid_input', 'The callback time has already passed.', { field: 'nextAction' });
      const hours = ctx.pack.rules.find((x) => x.check === 'callingHours')?.params ?? null;
      nextActionAt ??= proposeNextAction(r.resultCode, { now: r.at, timezone: ctx.timezone, hours, promiseDate: r.promise?.dueDate })?.toISOString();
    }
    const evaluation = evaluate(ctx.pack, {
      ...ctx.input,
      intent: intentOf(r, { phase: 'record', direction: r.direction ?? 'outbound', resultCode: r.resultCode, promise: Boolean(r.promise), planRequest: Boolean(r.plan), notes: r.notes, confirmations: r.confirmations, legalReferral: r.legalReferral }),
    });
    if (!evaluation.allowed || !evaluation.complete) throw new ComplianceRefusal(evaluation);
    if (r.requireReasonForWarns && !r.reason && evaluation.verdicts.some((v) => v.kind === 'warn')) {
      throw new ComplianceRefusal(evaluation, 'A warning applies: give the reason for going ahead.');
    }

    const now = new Date().toISOString();
    const at = r.at.toISOString();
    const activityId = uuidv7(r.at.getTime());
    const asked = new Set(evaluation.verdicts.filter((v) => v.kind === 'require').map((v) => v.rule));
    const warns = evaluation.verdicts.filter((v) => v.kind === 'warn');
    db.prepare(
      `INSERT INTO activities (id, case_id, debtor_id, collector_id, channel, direction, party, contact_person_id, phone, started_at, recorded_at, duration_s,
         result_code, disclosures, notes, verdicts, override_reason, recording_ref, created_by, consent_to_call)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      activityId, ctx.caseRow.id, ctx.caseRow.debtor_id, actor.id, r.channel, r.direction ?? 'outbound', r.party, ctx.contactId, r.phone, at, now, r.durationS ?? null,
      r.resultCode, JSON.stringify(r.confirmations.filter((c) => asked.has(c))), r.notes ?? null, JSON.stringify(evaluation.verdicts),
      warns.length ? (r.reason ?? null) : null, r.recordingRef ?? null, actor.id, r.consentToCall ? 1 : 0,
    );
    const outbox = db.prepare(`INSERT INTO outbox (id, client_id, entity, entity_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)`);
    outbox.run(uuidv7(), ctx.caseRow.client_id, 'activity', activityId, JSON.stringify({ id: activityId, caseNo: r.caseNo, channel: r.channel, party: r.party, startedAt: at, resultCode: r.resultCode, collectorId: actor.id, notes: r.notes ?? null }), now);

    let promiseId: string | null = null;
    if (r.promise) {
      promiseId = uuidv7(r.at.getTime());
      db.prepare(`INSERT INTO promises (id, case_id, activity_id, amount_fen, due_date, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
        promiseId, ctx.caseRow.id, activityId, r.promise.amountFen, r.promise.dueDate, now, actor.id,
      );
      outbox.run(uuidv7(), ctx.caseRow.client_id, 'promise', promiseId, JSON.stringify({ id: promiseId, activityId, caseNo: r.caseNo, amountFen: r.promise.amountFen, dueDate: r.promise.dueDate }), now);
    }
    let planId: string | null = null;
    if (r.plan) {
      planId = uuidv7(r.at.getTime());
      db.prepare(`INSERT INTO plans (id, case_id, activity_id, kind, schedule, waiver_fen, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
        planId, ctx.caseRow.id, activityId, r.plan.kind, JSON.stringify(r.plan.schedule), r.plan.waiverFen, now, actor.id,
      );
      outbox.run(uuidv7(), ctx.caseRow.client_id, 'plan', planId, JSON.stringify({ id: planId, activityId, caseNo: r.caseNo, ...r.plan }), now);
    }

    const flags = new Set(JSON.parse(ctx.caseRow.flags) as string[]);
    const flag = FLAG_OF[r.resultCode];
    if (flag) flags.add(flag);
    db.prepare('UPDATE cases SET status = ?, flags = ?, next_action_at = coalesce(?, next_action_at), updated_at = ? WHERE id = ?').run(
      nextStatus(ctx.caseRow.status, r), JSON.stringify([...flags].sort()), nextActionAt ?? null, now, ctx.caseRow.id,
    );
    const contactMarked = Boolean(ctx.contactId && (r.resultCode === 'WRONG_NUMBER' || r.resultCode === 'DISCONNECTED'));
    if (contactMarked) {
      db.prepare('UPDATE contact_persons SET status = ?, updated_at = ? WHERE id = ?').run(r.resultCode === 'WRONG_NUMBER' ? 'wrong_number' : 'disconnected', now, ctx.contactId);
    }
    const station = stationOf(db);
    if (station) {
      const by = { userId: actor.id, now };
      recordChange(db, { entity: 'activity', id: activityId, ...by }, station);
      if (promiseId) recordChange(db, { entity: 'promise', id: promiseId, ...by }, station);
      if (planId) recordChange(db, { entity: 'plan', id: planId, ...by }, station);
      recordChange(db, { entity: 'case', id: ctx.caseRow.id, fields: ['status', 'flags', 'next_action_at', 'updated_at'], ...by }, station);
      if (contactMarked && ctx.contactId) recordChange(db, { entity: 'contact_person', id: ctx.contactId, fields: ['status', 'updated_at'], ...by }, station);
    }
    appendAudit(db, { actorId: actor.id, via: actor.via, action: 'activity.record', entity: 'activity', entityId: activityId, details: { caseId: ctx.caseRow.id, resultCode: r.resultCode, promiseId, planId } }, now);
    if (warns.length) {
      appendAudit(db, { actorId: actor.id, via: actor.via, action: 'compliance.override', entity: 'activity', entityId: activityId, details: { rules: warns.map((w) => w.rule), reasonGiven: Boolean(r.reason) } }, now);
    }
    // A note saved with a screening warn goes to a lead's review (质检).
    const findings = findingsOfVerdicts(warns);
    if (findings.length) enqueueFindings(db, actor, { activityId, caseId: ctx.caseRow.id, pack: `${ctx.pack.id}@${ctx.pack.version}`, foundBy: 'record' }, findings, now);
    return { activityId, promiseId, planId, evaluation };
  })();
}
