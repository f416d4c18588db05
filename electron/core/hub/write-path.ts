import type BetterSqlite3 from 'better-sqlite3';
import { uuidv7 } from '../../../shared/domain/ids';
import { formatHlc } from '../../../shared/replication/hlc';
import type { Db } from '../db/open';
import { signalLocalChange } from './change-signal';
import { applyFlagOps, flagOpsOf } from './flags-merge';
import { entitySpec, type EntitySpec } from './schema-map';
import { stationClock, stationOf, stationUsers, type StationRow } from './station-state';

/**
 * The one write path of a station: after a replicated row is written, `recordChange` writes its change record to
 * the hub outbox in the same transaction (entity, UUIDv7 change id, fields, HLC, station, user, schema version).
 * A store with no hub writes nothing here. Personal fields are sealed when the outbox is pushed (the store itself
 * is encrypted; sealing needs the asynchronous WebCrypto, which cannot run inside a SQLite transaction).
 */
export interface ChangeInput {
  entity: string;
  id: string;
  /** the fields this write changed; all the entity's columns when absent (a new row) */
  fields?: readonly string[];
  /** the user who made the write */
  userId: string;
  now: string;
}

export type Row = Record<string, unknown>;
type Statement = BetterSqlite3.Statement<unknown[]>;

const cache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement kept per connection (an upload runs these once per row). */
export function stmt(db: Db, sql: string): Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

function requireSpec(entity: string): EntitySpec {
  const spec = entitySpec(entity);
  if (!spec) throw new Error(`"${entity}" is not a replicated entity`);
  return spec;
}

/** The cases a row belongs to (one change record goes out for each, so each holder receives it); [null]: everyone. */
export function routesOf(db: Db, spec: EntitySpec, id: string): (string | null)[] {
  if (spec.routeSql === null) return [null];
  const rows = stmt(db, spec.routeSql).pluck().all(id) as string[];
  return rows.length ? rows : [];
}

export function readRow(db: Db, spec: EntitySpec, id: string): Row | undefined {
  // the column list is the spec's constant list, never a name from outside
  return stmt(db, `SELECT ${spec.columns.join(', ')} FROM ${spec.table} WHERE id = ?`).get(id) as Row | undefined;
}

/** Writes the change records of one write; returns how many (0 when this store has no hub). */
export function recordChange(db: Db, input: ChangeInput, station: StationRow | null = stationOf(db)): number {
  if (!station || station.revoked_at) return 0;
  const spec = requireSpec(input.entity);
  const row = readRow(db, spec, input.id);
  if (!row) return 0;
  const names = (input.fields ?? spec.columns).filter((f) => f !== 'id' && spec.columns.includes(f));
  const fields: Row = {};
  for (const f of names) fields[f] = row[f] ?? null;
  // The hub takes from a station only changes by its enrolled users. A full replica's local work by another user
  // (a collector's call logged at the lead's computer) goes out under the station's first user; the row itself
  // still names its author (collector_id, created_by).
  const users = stationUsers(station);
  const author = users.includes(input.userId) ? input.userId : (users[0] ?? input.userId);
  const clock = stationClock(station);
  const insert = stmt(
    db,
    'INSERT INTO hub_outbox (change_id, hlc, entity, row_id, op, route_key, user_id, fields, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const fieldClock = stmt(db, 'INSERT INTO hub_field_clock (entity, row_id, field, hlc) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > hlc');
  let n = 0;
  let last = '';
  const withFlags = spec.entity === 'case' && names.includes('flags');
  for (const route of routesOf(db, spec, input.id)) {
    const changeId = uuidv7();
    last = formatHlc(clock.send());
    if (withFlags) {
      const ops = flagOpsOf(db, input.id, JSON.parse(String(row.flags ?? '[]')) as string[], last);
      fields.flag_raised = ops.raised;
      fields.flag_cleared = ops.cleared;
      applyFlagOps(db, input.id, ops);
    }
    insert.run(changeId, last, spec.entity, input.id, 'upsert', route, author, JSON.stringify(fields), input.now);
    stmt(db, 'INSERT INTO hub_applied (change_id) VALUES (?)').run(changeId);
    n++;
  }
  if (n === 0) return 0;
  stmt(db, 'INSERT OR IGNORE INTO hub_rows (entity, row_id) VALUES (?, ?)').run(spec.entity, input.id);
  if (spec.merge === 'fields') for (const f of names) fieldClock.run(spec.entity, input.id, f, last);
  stmt(db, 'UPDATE hub_station SET hlc_last = ? WHERE singleton = 1').run(last);
  station.hlc_last = last;
  signalLocalChange(db);
  return n;
}

/** A full replica tells the hub who holds a case (pushed with its changes). */
export function recordRoute(db: Db, caseId: string, station: StationRow | null = stationOf(db)): void {
  if (!station || station.revoked_at || station.replica !== 'full') return;
  const holder = stmt(db, 'SELECT assigned_to FROM cases WHERE id = ?').pluck().get(caseId) as string | null | undefined;
  const users = holder ? [holder] : [];
  stmt(db, 'INSERT INTO hub_route_outbox (case_id, users) VALUES (?, ?) ON CONFLICT DO UPDATE SET users = excluded.users').run(caseId, JSON.stringify(users));
}
