import { MAX_PUSH_CHANGES, type PulledItem, type PullResponse } from '../../../shared/replication/api';
import { sealFields, type ChangeRecord } from '../../../shared/replication/change';
import { HubClient, HubRequestError } from '../../../shared/replication/client';
import { formatHlc } from '../../../shared/replication/hlc';
import type { Db } from '../db/open';
import { applyChange, retryWaiting, settleCollected } from './apply';
import { openFieldsNow, rawKeyring, type RawKeyring } from './open-sealed';
import { pauseAt } from './pause-point';
import { entitySpec } from './schema-map';
import { connectStation, hubFailure, keyring, requireStation, STATION_SCHEMA_VERSION, stationClock, stationUsers, type Keyring, type StationRow } from './station-state';
import { sendBankFields, uploadMissingRows, uploadStore } from './upload';
import { stmt } from './write-path';
import { runQueuedWipes, wipeAll } from './wipe';

/**
 * `hub sync --once`: push this station's outbox in HLC order, pull the others' changes from the cursor and apply
 * them, then wipe the cases that left this station's users once the hub holds all their changes.
 */
export interface SyncResult {
  pushed: number;
  pulled: number;
  /** change records still waiting to be pushed */
  pending: number;
  wiped: number;
  /** cases that left this station's users but still have changes the hub has not acknowledged */
  handoversPending: number;
  revoked: boolean;
}

const PULL_LIMIT = 500;

interface OutboxRow {
  change_id: string;
  hlc: string;
  entity: string;
  row_id: string;
  op: 'upsert' | 'delete';
  route_key: string | null;
  user_id: string;
  fields: string;
}

function changeOf(row: OutboxRow, station: StationRow): ChangeRecord {
  return {
    changeId: row.change_id, entity: row.entity, id: row.row_id, op: row.op, fields: JSON.parse(row.fields) as ChangeRecord['fields'],
    hlc: row.hlc, station: station.station_id, user: row.user_id, schemaVersion: STATION_SCHEMA_VERSION, routeKey: row.route_key,
  };
}

/**
 * Seals the personal fields of outbox rows not sealed yet and stores them sealed, before they are first sent: a
 * change sent again (its answer lost) is then byte for byte the one the hub holds and gets its first acknowledgement.
 */
export async function sealOutbox(db: Db, station: StationRow, ring: Keyring): Promise<number> {
  const rows = db.prepare('SELECT * FROM hub_outbox WHERE sealed = 0 ORDER BY hlc').all() as OutboxRow[];
  const sealedRows = await Promise.all(rows.map(async (r) => ({ id: r.change_id, fields: (await sealFields(changeOf(r, station), entitySpec(r.entity)?.personal ?? [], ring.current)).fields })));
  db.transaction(() => {
    const upd = db.prepare('UPDATE hub_outbox SET fields = ?, sealed = 1 WHERE change_id = ? AND sealed = 0');
    for (const r of sealedRows) upd.run(JSON.stringify(r.fields), r.id);
  })();
  return rows.length;
}

export async function pushOutbox(db: Db, client: HubClient, station: StationRow, ring: Keyring): Promise<number> {
  let pushed = 0;
  await sealOutbox(db, station, ring);
  for (;;) {
    const rows = db.prepare('SELECT * FROM hub_outbox WHERE sealed = 1 ORDER BY hlc LIMIT ?').all(MAX_PUSH_CHANGES) as OutboxRow[];
    // routes go with the last page of changes: a case's new holder then meets its history before the route entry
    // and has nothing to backfill (a route sent first costs its holder one backfill request per case)
    const last = rows.length < MAX_PUSH_CHANGES;
    const routes = station.replica === 'full' && last ? (db.prepare('SELECT case_id, users FROM hub_route_outbox ORDER BY case_id LIMIT ?').all(MAX_PUSH_CHANGES) as { case_id: string; users: string }[]) : [];
    if (rows.length === 0 && routes.length === 0) return pushed;
    const changes = rows.map((r) => changeOf(r, station));
    const res = await client.push({ changes, routes: routes.map((r) => ({ key: r.case_id, users: JSON.parse(r.users) as string[] })) });
    await pauseAt('pushed');
    db.transaction(() => {
      const del = db.prepare('DELETE FROM hub_outbox WHERE change_id = ?');
      for (const a of res.acks) del.run(a.changeId);
      const delRoute = db.prepare('DELETE FROM hub_route_outbox WHERE case_id = ? AND users = ?');
      for (const r of routes) delRoute.run(r.case_id, r.users);
    })();
    pushed += res.acks.length;
  }
}

/** Opens the sealed fields of pulled changes (a station's own changes come back to it as they are: it holds them). */
function opened(items: PulledItem[], keys: RawKeyring, self: string): PulledItem[] {
  return items.map((i) => (i.kind === 'change' && i.change.station !== self ? { ...i, change: openFieldsNow(i.change, keys) } : i));
}

/**
 * The cases a page gives this station that it does not hold, each with the position of its route entry (a later entry
 * of the page that takes one away again drops it).
 */
function givenIn(db: Db, station: StationRow, items: PulledItem[]): Map<string, number> {
  const given = new Map<string, number>();
  if (station.replica === 'full') return given;
  const mine = new Set(stationUsers(station));
  for (const item of items) {
    if (item.kind !== 'route') continue;
    if (!item.route.users.some((u) => mine.has(u))) given.delete(item.route.key);
    else if (stmt(db, 'SELECT 1 FROM cases WHERE id = ?').get(item.route.key) === undefined) given.set(item.route.key, item.seq);
  }
  return given;
}

/** Applies a page inside one transaction (the caller's). */
function applyPage(db: Db, station: StationRow, items: PulledItem[], now: string): { applied: number } {
  // the app's own writes may have moved the clock while this round waited for the hub
  station.hlc_last = (stmt(db, 'SELECT hlc_last FROM hub_station WHERE singleton = 1').pluck().get() as string | null | undefined) ?? station.hlc_last;
  const clock = stationClock(station);
  const mine = new Set(stationUsers(station));
  const settle = new Set<string>();
  let applied = 0;
  for (const item of items) {
    if (item.kind === 'change') {
      if (applyChange(db, item.change, now, settle) === 'applied') applied++;
      try {
        clock.receive(item.change.hlc);
      } catch {
        // a stamp far ahead of this computer's clock is applied but does not drag the clock along
      }
      continue;
    }
    if (station.replica === 'full') continue;
    const holds = stmt(db, 'SELECT 1 FROM cases WHERE id = ?').get(item.route.key) !== undefined;
    if (item.route.users.some((u) => mine.has(u))) {
      stmt(db, 'DELETE FROM hub_wipes WHERE case_id = ?').run(item.route.key);
    } else if (holds) {
      stmt(db, 'INSERT OR IGNORE INTO hub_wipes (case_id, seq, queued_at) VALUES (?, ?, ?)').run(item.route.key, item.seq, now);
    }
  }
  applied += retryWaiting(db, now, settle);
  settleCollected(db, settle, now);
  const last = formatHlc(clock.last);
  if (!station.hlc_last || last > station.hlc_last) {
    db.prepare('UPDATE hub_station SET hlc_last = ? WHERE singleton = 1').run(last);
    station.hlc_last = last;
  }
  return { applied };
}

export async function pullAll(db: Db, client: HubClient, station: StationRow, now: string): Promise<number> {
  const keys = rawKeyring(db);
  let pulled = 0;
  let cursor = station.cursor;
  // a page's acknowledgement travels while the next page is asked for (acks stay in order: one is awaited before
  // the next is sent); its failure is thrown at that await
  let acked: Promise<unknown> = Promise.resolve(null);
  for (;;) {
    const page = await client.pull({ after: cursor, limit: PULL_LIMIT });
    const items = opened(page.items, keys, station.station_id);
    // A case this page gives the station is filled in before the page (and its cursor) is committed: a round killed
    // in between pulls the page again and sees the route entry again.
    for (const [key, before] of givenIn(db, station, items)) pulled += await backfill(db, client, station, keys, key, before, now);
    db.transaction(() => {
      pulled += applyPage(db, station, items, now).applied;
      db.prepare('UPDATE hub_station SET cursor = ?, last_sync_at = ? WHERE singleton = 1').run(page.next, now);
    })();
    cursor = page.next;
    station.cursor = cursor;
    await pauseAt('pulled');
    const failed = await acked;
    if (failed) throw failed;
    acked = client.ack(cursor).then(() => null, (err: unknown) => err ?? new Error('ack failed'));
    if (!page.more) break;
  }
  const failed = await acked;
  if (failed) throw failed;
  return pulled;
}

/**
 * Fills in the history of a case this station was newly given (its changes from before the station's cursor). The
 * case may have been here before and wiped when it left (a case reassigned away and back): the changes of its route
 * are applied again — so they are forgotten as applied first, and this station's own are opened too (the hub holds
 * them sealed; the rows that held them in the clear went with the wipe). Applying stays idempotent: rows by id, fields
 * by their clocks.
 */
async function backfill(db: Db, client: HubClient, station: StationRow, keys: RawKeyring, key: string, before: number, now: string): Promise<number> {
  let after = 0;
  let n = 0;
  for (;;) {
    let page: PullResponse;
    try {
      page = await client.pull({ after, limit: PULL_LIMIT, routeKey: key, before });
    } catch (err) {
      // the case has left this station's users again since (a later route entry, which this round reads too)
      if (err instanceof HubRequestError && err.code === 'forbidden') return n;
      throw err;
    }
    const items = opened(page.items, keys, '');
    db.transaction(() => {
      const forget = db.prepare('DELETE FROM hub_applied WHERE change_id = ?');
      for (const i of items) if (i.kind === 'change' && i.change.routeKey === key) forget.run(i.change.changeId);
      n += applyPage(db, station, items.filter((i) => i.kind === 'change'), now).applied;
    })();
    after = page.next;
    if (!page.more) return n;
  }
}

export async function syncOnce(db: Db, now: () => string = () => new Date().toISOString()): Promise<SyncResult> {
  const station = requireStation(db);
  const counts = (): { pending: number; handoversPending: number } => ({
    pending: db.prepare('SELECT count(*) FROM hub_outbox').pluck().get() as number,
    handoversPending: db.prepare('SELECT count(*) FROM hub_wipes').pluck().get() as number,
  });
  if (station.revoked_at) return { pushed: 0, pulled: 0, wiped: 0, revoked: true, ...counts() };
  const ring = await keyring(db);
  if (station.replica === 'full') {
    if (!station.uploaded_at) uploadStore(db, station, now());
    else {
      uploadMissingRows(db, station, now());
      sendBankFields(db, station, now());
    }
  }
  const conn = await connectStation(station);
  try {
    const pushed = await pushOutbox(db, conn.client, station, ring);
    const pulled = await pullAll(db, conn.client, station, now());
    const [wiped] = runQueuedWipes(db, now());
    return { pushed, pulled, wiped, revoked: false, ...counts() };
  } catch (err) {
    if (err instanceof HubRequestError && err.code === 'revoked') {
      const wiped = wipeAll(db, now());
      return { pushed: 0, pulled: 0, wiped, revoked: true, ...counts() };
    }
    throw hubFailure(err, station.hub_url);
  } finally {
    conn.close();
  }
}
