import { z } from 'zod';
import { method } from './method';
import { Empty } from './schemas';

/** The agency hub as every screen's status line sees it: this station's background sync, and a round on demand. */
export const HubSyncState = z.enum([
  /** this store is not a station of an agency hub (a whole agency on one computer) */
  'not_connected',
  'syncing',
  'synced',
  /** the hub could not be reached or refused the last round; changes wait in the outbox and rounds are retried */
  'offline',
  /** the hub refused this computer's clock as too far ahead: shown as "this computer's clock is N min ahead" */
  'clock_ahead',
  /** an administrator revoked this station: its cases were wiped */
  'revoked',
  /** the hub needs a newer version of the app: syncing stopped */
  'update_required',
  /** this store's own sequence went backwards (restored from a backup, a cloned disk): it must join again */
  'reenroll_required',
]);
export type HubSyncState = z.infer<typeof HubSyncState>;

export const HubStatus = z.object({
  connected: z.boolean(),
  state: HubSyncState,
  stationName: z.string().nullable(),
  replica: z.enum(['full', 'partial']).nullable(),
  /** when a round last finished without error */
  lastSyncAt: z.string().nullable(),
  /** change records waiting to be pushed (the outbox) */
  pendingUp: z.number().int(),
  /** cases that left this station's users and wait for their changes to be acknowledged before they are wiped */
  handoversPending: z.number().int(),
  /** why the last round failed: a hub error code, `unreachable`, `pin_mismatch`, `busy` … (null after a good round) */
  lastError: z.string().nullable(),
  /** with `clock_ahead`: by how many minutes this computer's clock is ahead of the hub's */
  clockAheadMinutes: z.number().int().nullable(),
  revokedAt: z.string().nullable(),
  /** changes from other stations applied (and cases wiped) since the store was opened: open screens reload when it grows */
  received: z.number().int(),
  /** when the next background round is due (null: none planned) */
  nextAttemptAt: z.string().nullable(),
});
export type HubStatus = z.infer<typeof HubStatus>;

export const hubMethods = {
  'hub.status': method(Empty, HubStatus, 'user'),
  /** a round now (after the one running, if any); answers the status after it */
  'hub.syncNow': method(Empty, HubStatus, 'user'),
} as const;
