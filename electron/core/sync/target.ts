import { pinnedFingerprints, syncUrlProblem } from '../../../shared/profile/sync-schema';
import { getClient, type ClientRecord } from '../clients/clients';
import type { Db } from '../db/open';
import { hasSyncSecret, loadSyncSecret } from './secret';

/** Everything a round needs to reach a client's bank, or the reason sync is off for it. */
export interface SyncTarget {
  client: ClientRecord;
  url: string;
  keyId: string;
  secret: string;
  pins: string[];
  intervalMinutes: number;
  batchSize: number;
}

export type SyncSetup = { enabled: true; target: SyncTarget } | { enabled: false; client: ClientRecord; off: string };

/** Why sync is off for a client (no section, no secret, a refused address), or null when it is on. */
export function syncOffReason(db: Db, client: ClientRecord): string | null {
  const section = client.profile.sync;
  if (!section) return `Sync is off for ${client.code}: its profile has no sync section (url and keyId).`;
  const problem = syncUrlProblem(section.url);
  if (problem) return `Sync is off for ${client.code}: the address ${section.url} is refused (${problem}).`;
  if (!hasSyncSecret(db, client.id)) return `Sync is off for ${client.code}: no sync secret is stored. Give it with client update and $COLLECTDESK_SYNC_SECRET.`;
  return null;
}

export function syncSetup(db: Db, dbKey: Buffer, clientCode: string): SyncSetup {
  const client = getClient(db, clientCode);
  const off = syncOffReason(db, client);
  const section = client.profile.sync;
  const secret = off === null ? loadSyncSecret(db, dbKey, client.id) : null;
  if (off !== null || !section || secret === null) return { enabled: false, client, off: off ?? `Sync is off for ${client.code}.` };
  return {
    enabled: true,
    target: { client, url: section.url, keyId: section.keyId, secret, pins: pinnedFingerprints(section), intervalMinutes: section.intervalMinutes, batchSize: section.batchSize },
  };
}
