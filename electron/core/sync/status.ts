import type { SyncClientStatus } from '../../../shared/contract/sync';
import type { Actor } from '../auth/actor';
import { getClient, listClients } from '../clients/clients';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { outboxCounts } from './outbox';
import { readState } from './state';
import { syncOffReason } from './target';

/** Each client's sync state for the Returns & sync screen (one client, or all). */
export function syncStatus(db: Db, clientCode: string | undefined, running: (code: string) => boolean): SyncClientStatus[] {
  const codes = clientCode ? [clientCode] : listClients(db).map((c) => c.code);
  return codes.map((code) => {
    const client = getClient(db, code);
    const off = syncOffReason(db, client);
    const state = readState(db, client.id);
    return {
      clientCode: client.code,
      clientName: client.name,
      enabled: off === null,
      off,
      url: client.profile.sync?.url ?? null,
      intervalMinutes: client.profile.sync?.intervalMinutes ?? null,
      ...outboxCounts(db, client.id),
      lastSuccessAt: state.lastSuccessAt,
      lastError: state.lastError,
      lastErrorAt: state.lastErrorAt,
      lastAttemptAt: state.lastAttemptAt,
      nextAttemptAt: off === null ? state.nextAttemptAt : null,
      running: running(client.code),
    };
  });
}

/** Clients with sync on whose next round is due at `now` (never run, or their next attempt time has come). */
export function dueClients(db: Db, now: Date): string[] {
  return listClients(db)
    .map((c) => getClient(db, c.code))
    .filter((c) => syncOffReason(db, c) === null)
    .filter((c) => {
      const next = readState(db, c.id).nextAttemptAt;
      return next === null || Date.parse(next) <= now.getTime();
    })
    .map((c) => c.code);
}

/** Who applies pulled data in a background round: the database's first active admin, recorded as acting through sync. */
export function syncActor(db: Db): Actor {
  const id = db.prepare("SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL ORDER BY created_at, id LIMIT 1").pluck().get() as string | undefined;
  if (!id) throw new CoreError('not_found', 'This database has no active admin to apply the bank’s data.');
  return { id, role: 'admin', via: 'sync' };
}
