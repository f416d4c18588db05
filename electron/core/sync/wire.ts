import { z } from 'zod';

/**
 * The bodies of the bank exchange API (docs/bank-sync-api.yaml), as zod schemas: the client parses every answer
 * with them, and the simulator every request.
 */

export const OUTCOME_ENTITIES = ['activity', 'promise', 'plan', 'payment_claim'] as const;
export type OutcomeEntity = (typeof OUTCOME_ENTITIES)[number];

const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a UUIDv7 in lower case');

/** One outcome: an outbox row. `id` is the outbox row's UUIDv7, the key the bank acknowledges idempotently. */
export const OutcomeItem = z
  .object({
    id: Uuid,
    entity: z.enum(OUTCOME_ENTITIES),
    entityId: z.string().min(1).max(64),
    createdAt: z.string().min(1).max(40),
    data: z.record(z.string(), z.unknown()),
  })
  .strict();
export type OutcomeItem = z.infer<typeof OutcomeItem>;

export const MAX_PUSH_ITEMS = 5000;
export const PushRequest = z.object({ items: z.array(OutcomeItem).min(1).max(MAX_PUSH_ITEMS) }).strict();
export type PushRequest = z.infer<typeof PushRequest>;

export const PushResult = z.object({
  id: z.string(),
  /** accepted: stored now; duplicate: stored before (acknowledged again); rejected: refused for good */
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  code: z.string().max(64).optional(),
  message: z.string().max(1000).optional(),
});
export const PushResponse = z.object({ results: z.array(PushResult) });
export type PushResponse = z.infer<typeof PushResponse>;

export const PULL_KINDS = ['placement', 'payment', 'recall'] as const;
export type PullKind = (typeof PULL_KINDS)[number];

/** One change in the bank's feed; kinds this version does not know are skipped (the cursor still moves on). */
export const PullRecord = z.object({
  seq: z.number().int().min(0),
  kind: z.string().min(1).max(40),
  data: z.record(z.string(), z.unknown()),
});
export type PullRecord = z.infer<typeof PullRecord>;

export const MAX_PULL_LIMIT = 5000;
export const PullPage = z.object({
  records: z.array(PullRecord).max(MAX_PULL_LIMIT),
  /** pass it back as `since` for the next page; unchanged when there is nothing new */
  cursor: z.string().min(1).max(200),
  /** more records wait beyond this page */
  more: z.boolean(),
});
export type PullPage = z.infer<typeof PullPage>;

export const ApiErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** A value of a pulled record's field: what a spreadsheet cell could hold. */
const Scalar = z.union([z.string().max(20_000), z.number(), z.null()]).optional();

export const PulledContact = z.object({ name: Scalar, relation: Scalar, phone: Scalar });

/** Placement fields: the canonical names of docs/profiles.md, amounts in integer fen (`…Fen`), dates YYYY-MM-DD. */
export const PulledPlacement = z.object({
  caseNo: Scalar, debtorName: Scalar, idType: Scalar, idNumber: Scalar, mobile: Scalar, homeAddress: Scalar, workAddress: Scalar,
  registeredAddress: Scalar, employer: Scalar, accountMasked: Scalar, product: Scalar, currency: Scalar, principalFen: Scalar,
  interestFen: Scalar, feesFen: Scalar, placedAmountFen: Scalar, balanceFen: Scalar, overdueDays: Scalar, stage: Scalar,
  lastPaymentAt: Scalar, lastPaymentFen: Scalar, placedAt: Scalar, dueBackAt: Scalar, batchNo: Scalar, hand: Scalar, remarks: Scalar,
  contacts: z.array(PulledContact).max(50).optional(),
});
export type PulledPlacement = z.infer<typeof PulledPlacement>;

export const PulledPayment = z.object({ caseNo: Scalar, paidAt: Scalar, amountFen: Scalar, txnRef: Scalar, channel: Scalar, reverses: Scalar });
export type PulledPayment = z.infer<typeof PulledPayment>;

export const PulledRecall = z.object({ caseNo: Scalar, recalledAt: Scalar, reason: Scalar });
export type PulledRecall = z.infer<typeof PulledRecall>;
