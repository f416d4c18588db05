import { rmSync } from 'node:fs';
import { openDatabase } from '../db/open';
import { dbFile } from '../db/paths';
import { syncOnce, type SyncResult } from './sync';
import { joinAsStation, type HubTarget } from './trust';

export interface JoinedStore {
  stationId: string;
  agencyId: string;
  replica: 'full' | 'partial';
  users: string[];
  /** the first pull; null when it failed after the join (the next sync round catches up) */
  first: SyncResult | null;
  firstError: unknown;
}

/**
 * `station join` and first run's "join an agency hub": creates the data folder's database with a new passphrase,
 * joins the hub with the enrollment code (the data key unwrapped here), and pulls what the station's users may hold.
 * A join the hub refused leaves no database behind; once joined the store stays even if the first pull fails.
 */
export async function createStoreByJoining(dataDir: string, passphrase: string, target: HubTarget & { code: string }, now: () => string, opts: { requireFirstPull?: boolean } = {}): Promise<JoinedStore> {
  const { db } = await openDatabase({ dataDir, secret: { passphrase }, create: true, now: now() });
  let joined = false;
  try {
    const r = await joinAsStation(db, target, now());
    joined = true;
    let first: SyncResult | null = null;
    let firstError: unknown = null;
    try {
      first = await syncOnce(db, now);
    } catch (err) {
      if (opts.requireFirstPull) throw err;
      firstError = err;
    }
    return { stationId: r.stationId, agencyId: r.agencyId, replica: r.station.replica, users: r.station.users.map((u) => u.id), first, firstError };
  } finally {
    db.close();
    if (!joined) for (const f of [dbFile(dataDir), `${dbFile(dataDir)}-wal`, `${dbFile(dataDir)}-shm`]) rmSync(f, { force: true });
  }
}
