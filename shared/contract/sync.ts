import { z } from 'zod';
import { method } from './method';

/** Bank sync (the Returns & sync screen): each client's state, and a round on demand. */
const ClientCode = z.string().trim().min(1).max(32);
const Instant = z.string().nullable();

export const SyncError = z.object({
  /** where the round stopped: its configuration, pushing outcomes, or pulling the bank's data */
  stage: z.enum(['config', 'push', 'pull']),
  /** not_configured | unreachable | timeout | connection_lost | signature_refused | certificate | bank_error | protocol | busy | internal */
  code: z.string(),
  message: z.string(),
});
export type SyncError = z.infer<typeof SyncError>;

export const PulledRejection = z.object({
  kind: z.enum(['placement', 'payment', 'recall']),
  /** the bank's sequence number of the record */
  row: z.number().int(),
  caseNo: z.string(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});

export const SyncRoundResult = z.object({
  ok: z.boolean(),
  client: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** outbox rows sent to the bank in this round */
  pushed: z.number().int(),
  /** of those, acknowledged by the bank (newly or again) and marked so */
  acknowledged: z.number().int(),
  /** of those, refused by the bank for good (marked failed, with the bank's reason) */
  refused: z.number().int(),
  /** records pulled and applied, by kind */
  pulled: z.object({ placements: z.number().int(), payments: z.number().int(), recalls: z.number().int() }),
  /** what applying them did, as an import counts it */
  applied: z.object({ inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int(), skipped: z.number().int() }),
  /** pulled records refused as a file's rows would be (the first 100) */
  rejections: z.array(PulledRejection),
  /** requests tried again within the round */
  retries: z.number().int(),
  /** outbox rows still waiting after the round */
  pending: z.number().int(),
  cursor: z.string().nullable(),
  errors: z.array(SyncError),
  /** when the background schedule tries next */
  nextAttemptAt: Instant,
});
export type SyncRoundResult = z.infer<typeof SyncRoundResult>;

export const SyncClientStatus = z.object({
  clientCode: z.string(),
  clientName: z.string(),
  /** a sync section and a secret: the client is synced */
  enabled: z.boolean(),
  /** why sync is off, in words (null when enabled) */
  off: z.string().nullable(),
  url: z.string().nullable(),
  intervalMinutes: z.number().int().nullable(),
  /** outcomes waiting for the bank's acknowledgement */
  pending: z.number().int(),
  /** outcomes the bank refused for good */
  failed: z.number().int(),
  lastSuccessAt: Instant,
  lastError: z.string().nullable(),
  lastErrorAt: Instant,
  lastAttemptAt: Instant,
  nextAttemptAt: Instant,
  /** a round is running now */
  running: z.boolean(),
});
export type SyncClientStatus = z.infer<typeof SyncClientStatus>;

export const syncMethods = {
  'sync.status': method(z.object({ clientCode: ClientCode.optional() }).strict(), z.array(SyncClientStatus), 'lead'),
  /** one round now (after any round of that client already running); the result says what it did, ok or not */
  'sync.now': method(z.object({ clientCode: ClientCode }).strict(), SyncRoundResult, 'lead'),
} as const;
