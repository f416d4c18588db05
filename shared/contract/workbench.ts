import { z } from 'zod';
import { CASE_FLAGS, RESULT_CODES } from '../compliance/types';
import { RELATIONS } from '../domain/relations';
import { method } from './method';

export const CONTACT_STATUSES = ['valid', 'wrong_number', 'disconnected', 'refuses_contact'] as const;

/** The collector's workbench: case screen, pre-dial gate, outcomes, flags, call scripts. */
const Texts = z.object({ 'zh-CN': z.string(), en: z.string() });
export const VerdictShape = z.object({
  rule: z.string(),
  kind: z.enum(['block', 'require', 'warn']),
  message: z.string(),
  messages: Texts,
  nextAllowedAt: z.string().optional(),
  met: z.boolean().optional(),
  /** note screening (CN-P, CN-PAY, US-P): each finding with its offsets into the notes as typed, for highlighting */
  hits: z
    .array(z.object({ category: z.string(), kind: z.enum(['block', 'warn']), match: z.string(), start: z.number().int(), end: z.number().int(), source: z.enum(['rules', 'model']) }))
    .optional(),
});
export type VerdictShape = z.infer<typeof VerdictShape>;
export const GateResult = z.object({ allowed: z.boolean(), complete: z.boolean(), verdicts: z.array(VerdictShape) });
export type GateResult = z.infer<typeof GateResult>;

const Channel = z.enum(['call', 'sms', 'visit', 'letter', 'email']);
const Party = z.enum(['debtor', 'related', 'third', 'none']);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ContactRow = z.object({
  id: z.string(),
  relation: z.string(),
  name: z.string().nullable(),
  /** masked unless unmasked (audited) */
  phone: z.string().nullable(),
  status: z.string(),
  /** `bank` (the bank's file) or `call` (learned on a call, by `addedBy`) */
  source: z.string(),
  addedBy: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  attemptsToday: z.number().int(),
  reachedToday: z.number().int(),
});
export const TimelineItem = z.object({
  id: z.string(),
  at: z.string(),
  channel: z.string(),
  party: z.string(),
  resultCode: z.string(),
  collector: z.string(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string().nullable(),
  overrideReason: z.string().nullable(),
  warns: z.array(z.string()),
});
export const PromiseRow = z.object({ id: z.string(), amountFen: z.number().int(), dueDate: z.string(), status: z.string(), paidFen: z.number().int(), createdAt: z.string() });
export const PlanRow = z.object({ id: z.string(), kind: z.string(), waiverFen: z.number().int(), status: z.string(), schedule: z.array(z.object({ dueDate: z.string(), amountFen: z.number().int() })), decisionReason: z.string().nullable(), createdAt: z.string() });
/**
 * A bank-confirmed payment; one the bank reversed (冲正) since carries the day and reference of its reversal, and counts
 * nowhere. A change of the balance the bank made that is no payment (a waiver, 减免) carries its transaction type in
 * `adjustment`: it lowered the balance and counts nowhere either.
 */
export const PaymentRow = z.object({
  id: z.string(),
  paidAt: z.string(),
  amountFen: z.number().int(),
  channel: z.string().nullable(),
  txnRef: z.string().nullable(),
  reversedAt: z.string().nullable(),
  reversalRef: z.string().nullable(),
  adjustment: z.string().nullable(),
});

export const CaseDetail = z.object({
  id: z.string(),
  caseNo: z.string(),
  client: z.object({ code: z.string(), name: z.string(), rulePack: z.string(), timezone: z.string() }),
  debtor: z.object({ name: z.string().nullable(), idNumber: z.string().nullable(), gender: z.string().nullable(), birthDate: z.string().nullable(), mobile: z.string().nullable(), employer: z.string().nullable(), homeAddress: z.string().nullable(), timezone: z.string() }),
  product: z.string().nullable(),
  accountMasked: z.string().nullable(),
  currency: z.string(),
  placedAmountFen: z.number().int(),
  balanceFen: z.number().int(),
  principalFen: z.number().int().nullable(),
  overdueDays: z.number().int().nullable(),
  /** the bank's last payment as its latest delivery gives it (its own record, beside the payments it confirmed) */
  lastPayment: z.object({ at: z.string().nullable(), amountFen: z.number().int().nullable() }),
  /** the bank's remarks on the case (备注), as its latest delivery gives them */
  bankRemarks: z.string().nullable(),
  stage: z.string().nullable(),
  status: z.string(),
  flags: z.array(z.string()),
  batch: z.object({ id: z.string(), batchNo: z.string().nullable(), placedAt: z.string().nullable(), dueBackAt: z.string().nullable(), daysToDueBack: z.number().int().nullable() }),
  assignedTo: z.string().nullable(),
  nextActionAt: z.string().nullable(),
  /** the client's pack's calling hours (HH:MM, the debtor's local time), for checking a next action before it is saved */
  callingHours: z.object({ windowStart: z.string(), windowEnd: z.string() }).nullable(),
  /** read-only: recalled or closed */
  readOnly: z.boolean(),
  contacts: z.array(ContactRow),
  timeline: z.array(TimelineItem),
  promises: z.array(PromiseRow),
  plans: z.array(PlanRow),
  payments: z.array(PaymentRow),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const ScriptStep = z.object({ id: z.string(), title: z.string(), text: z.string(), require: z.string().nullable() });
export const CallScript = z.object({ id: z.string(), stage: z.string(), party: Party, title: z.string(), steps: z.array(ScriptStep), hidesAmounts: z.boolean() });
export type CallScript = z.infer<typeof CallScript>;

const Target = { caseId: z.string().min(1).max(64), contactId: z.string().max(64).nullable(), channel: Channel, party: Party };
const Plan = z.object({
  kind: z.enum(['installment', 'deferral', 'settlement']),
  schedule: z.array(z.object({ dueDate: Day, amountFen: z.number().int().min(1) })).min(1).max(36),
  waiverFen: z.number().int().min(0).default(0),
});

export const workbenchMethods = {
  'case.get': method(z.object({ caseId: z.string().min(1).max(64) }).strict(), CaseDetail, 'user'),
  'case.unmask': method(
    z.object({ caseId: z.string().min(1).max(64), field: z.enum(['debtorName', 'idNumber', 'mobile', 'contactPhone', 'address']), contactId: z.string().max(64).optional() }).strict(),
    z.object({ value: z.string().nullable() }),
    'user',
  ),
  'case.setFlag': method(z.object({ caseId: z.string().min(1).max(64), flag: z.enum(CASE_FLAGS), on: z.boolean(), reason: z.string().trim().max(500).optional() }).strict(), z.object({ flags: z.array(z.string()) }), 'user'),
  'contact.check': method(z.object(Target).strict(), GateResult, 'user'),
  'notes.screen': method(z.object({ caseId: z.string().min(1).max(64), notes: z.string().max(20_000) }).strict(), z.array(VerdictShape), 'user'),
  'activity.record': method(
    z
      .object({
        ...Target,
        resultCode: z.enum(RESULT_CODES),
        confirmations: z.array(z.string().max(16)).max(20).default([]),
        promise: z.object({ amountFen: z.number().int().min(1), dueDate: Day }).strict().optional(),
        plan: Plan.optional(),
        notes: z.string().max(20_000).optional(),
        reason: z.string().trim().min(2).max(500).optional(),
        nextActionAt: z.string().datetime({ offset: true }).optional(),
        recordingRef: z.string().max(200).optional(),
        /** inbound: the person called the agency (no contact attempt). Absent: outbound */
        direction: z.enum(['outbound', 'inbound']).optional(),
        /** the debtor asked to be called back (direct prior consent, recorded on this call: US-F does not count the next 7 days) */
        consentToCall: z.boolean().optional(),
        /** seconds since the call began (开始通话): the activity starts, and the rules are asked, at now − durationS */
        durationS: z.number().int().min(0).max(36_000).optional(),
      })
      .strict(),
    z.object({ activityId: z.string(), promiseId: z.string().nullable(), planId: z.string().nullable(), verdicts: z.array(VerdictShape) }),
    'user',
  ),
  /** mark a number wrong / disconnected / a person who refuses contact (never called again), or valid again (a refusal: a lead) */
  'contact.setStatus': method(
    z.object({ caseId: z.string().min(1).max(64), contactId: z.string().min(1).max(64), status: z.enum(CONTACT_STATUSES), reason: z.string().trim().max(500).optional() }).strict(),
    z.object({ status: z.enum(CONTACT_STATUSES) }),
    'user',
  ),
  /** a number or a contact person learned on a call (source `call`, author recorded, audited) */
  'contact.add': method(
    z.object({ caseId: z.string().min(1).max(64), relation: z.enum(RELATIONS), name: z.string().trim().max(40).optional(), phone: z.string().trim().min(3).max(40) }).strict(),
    z.object({ contactId: z.string() }),
    'user',
  ),
  'script.get': method(z.object({ caseId: z.string().min(1).max(64), party: Party }).strict(), CallScript, 'user'),
} as const;
