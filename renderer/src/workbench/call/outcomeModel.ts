import { callingWindowAt, type WindowState } from '../../../../shared/compliance/checks/time';
import { proposeNextAction } from '../../../../shared/compliance/next-action';
import { NOT_REACHED, type ResultCode } from '../../../../shared/compliance/types';
import type { MethodInput } from '../../../../shared/contract/methods';
import { formatFen } from '../../format';
import { localInputToIso } from '../dates';
import { parseYuan } from '../money';
import type { Party, ScriptParty } from './party';

export type PlanKind = 'installment' | 'deferral' | 'settlement';
export interface ScheduleLine {
  key: number;
  dueDate: string;
  amount: string;
}

export interface OutcomeValues {
  resultCode: ResultCode | '';
  promiseAmount: string;
  promiseDate: string;
  planOn: boolean;
  planKind: PlanKind;
  schedule: ScheduleLine[];
  waiver: string;
  notes: string;
  /** `datetime-local`, workstation time */
  nextAction: string;
  /** the collector set the next action themselves: a change of result no longer proposes one */
  nextActionTouched: boolean;
  /** the debtor asked to be called back (direct prior consent: US-F does not count the next 7 days' calls) */
  consentToCall: boolean;
}

export const EMPTY_OUTCOME: OutcomeValues = { resultCode: '', promiseAmount: '', promiseDate: '', planOn: false, planKind: 'installment', schedule: [{ key: 1, dueDate: '', amount: '' }], waiver: '', notes: '', nextAction: '', nextActionTouched: false, consentToCall: false };

/** Field → an i18n key (with values) saying what is wrong; keys are `promise.amount`, `promise.date`, `plan.N.amount`… */
export type FieldErrors = Record<string, { key: string; values?: Record<string, string> }>;

export interface Limits {
  balanceFen: number;
  today: string;
  dueBackAt: string | null;
}

export function reachedParty(code: ResultCode | '', party: ScriptParty): Party {
  return code !== '' && NOT_REACHED.includes(code) ? 'none' : party;
}

/** A promise or a plan is negotiated only with the debtor, on a call that reached someone (CN-3P). */
export function canNegotiate(code: ResultCode | '', party: ScriptParty): boolean {
  return party === 'debtor' && reachedParty(code, party) !== 'none';
}

function checkDate(errors: FieldErrors, field: string, day: string, l: Limits): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) errors[field] = { key: 'wb.outcome.errors.dateMissing' };
  else if (day < l.today) errors[field] = { key: 'wb.outcome.errors.dateInPast', values: { date: l.today } };
  else if (l.dueBackAt && day > l.dueBackAt) errors[field] = { key: 'wb.outcome.errors.dateAfterDueBack', values: { date: l.dueBackAt } };
}

function checkAmount(errors: FieldErrors, field: string, text: string, l: Limits): number | null {
  const fen = parseYuan(text);
  if (fen === null || fen <= 0) errors[field] = { key: 'wb.outcome.errors.amountFormat' };
  else if (fen > l.balanceFen) errors[field] = { key: 'wb.outcome.errors.amountOverBalance', values: { balance: formatFen(l.balanceFen) } };
  return fen;
}

/** The checks the core makes too (≤ balance, not before today, not after due-back), said before a round trip. */
export function validateOutcome(v: OutcomeValues, party: ScriptParty, l: Limits): FieldErrors {
  const errors: FieldErrors = {};
  if (v.resultCode === '') errors.result = { key: 'wb.outcome.errors.resultMissing' };
  const negotiate = canNegotiate(v.resultCode, party);
  if ((v.resultCode === 'PTP' || v.resultCode === 'HARDSHIP') && party !== 'debtor') errors.result = { key: 'wb.outcome.errors.debtorOnly' };
  if (v.resultCode === 'PTP' && negotiate) {
    checkAmount(errors, 'promise.amount', v.promiseAmount, l);
    checkDate(errors, 'promise.date', v.promiseDate, l);
  }
  if (v.planOn && negotiate) {
    v.schedule.forEach((s, i) => {
      checkAmount(errors, `plan.${i}.amount`, s.amount, l);
      checkDate(errors, `plan.${i}.date`, s.dueDate, l);
    });
    if (v.planKind === 'settlement' && v.waiver.trim() !== '') {
      const w = parseYuan(v.waiver);
      if (w === null) errors['plan.waiver'] = { key: 'wb.outcome.errors.amountFormat' };
      else if (w > l.balanceFen) errors['plan.waiver'] = { key: 'wb.outcome.errors.amountOverBalance', values: { balance: formatFen(l.balanceFen) } };
    }
  }
  if (v.nextAction && !localInputToIso(v.nextAction)) errors.nextAction = { key: 'wb.outcome.errors.dateMissing' };
  else if (v.resultCode === 'CALLBACK' && !v.nextAction) errors.nextAction = { key: 'wb.outcome.errors.callbackTime' };
  else if (v.resultCode === 'CALLBACK' && Date.parse(localInputToIso(v.nextAction) ?? '') <= Date.now()) errors.nextAction = { key: 'wb.outcome.errors.callbackPast' };
  return errors;
}

/** An instant as a `datetime-local` value in workstation time (YYYY-MM-DDTHH:mm). */
export function isoToLocalInput(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}T${p(at.getHours())}:${p(at.getMinutes())}`;
}

/**
 * The next action the result code proposes (NEXT_ACTION_RULES, the same the core applies when none is sent), as the
 * field's value; '' when it proposes none (a callback: its time is asked for).
 */
export function proposedNextAction(v: Pick<OutcomeValues, 'resultCode' | 'promiseDate'>, hours: { windowStart: string; windowEnd: string } | null, timezone: string, now: Date = new Date()): string {
  if (v.resultCode === '') return '';
  const at = proposeNextAction(v.resultCode, { now, timezone, hours, promiseDate: /^\d{4}-\d{2}-\d{2}$/.test(v.promiseDate) ? v.promiseDate : undefined });
  return at ? isoToLocalInput(at) : '';
}

/**
 * A next action (callback) outside the calling hours in the debtor's local time: the window's state then (their local
 * time, the hours, when it opens), else null. Saved anyway, with a warning: the call itself will be gated.
 */
export function nextActionOutsideHours(nextAction: string, hours: { windowStart: string; windowEnd: string } | null, timezone: string): WindowState | null {
  const iso = nextAction ? localInputToIso(nextAction) : null;
  if (!iso || !hours) return null;
  const s = callingWindowAt(hours, new Date(iso), timezone);
  return s.open ? null : s;
}

export type RecordInput = MethodInput<'activity.record'>;

/** The form as an activity.record request (values already validated). */
export function toRecordInput(v: OutcomeValues, caseId: string, contactId: string, party: ScriptParty, confirmed: ReadonlySet<string>, reason: string | undefined): RecordInput {
  const code = v.resultCode as ResultCode;
  const reached = reachedParty(code, party);
  const negotiate = canNegotiate(code, party);
  const notes = v.notes.trim();
  const next = localInputToIso(v.nextAction);
  return {
    caseId,
    contactId,
    channel: 'call',
    party: reached,
    resultCode: code,
    confirmations: reached === 'none' ? [] : [...confirmed],
    ...(code === 'PTP' && negotiate ? { promise: { amountFen: parseYuan(v.promiseAmount) ?? 0, dueDate: v.promiseDate } } : {}),
    ...(v.planOn && negotiate
      ? { plan: { kind: v.planKind, schedule: v.schedule.map((s) => ({ dueDate: s.dueDate, amountFen: parseYuan(s.amount) ?? 0 })), waiverFen: v.planKind === 'settlement' ? (parseYuan(v.waiver) ?? 0) : 0 } }
      : {}),
    ...(notes ? { notes } : {}),
    ...(next ? { nextActionAt: next } : {}),
    ...(v.consentToCall && code === 'CALLBACK' && reached === 'debtor' ? { consentToCall: true } : {}),
    ...(reason ? { reason } : {}),
  };
}
