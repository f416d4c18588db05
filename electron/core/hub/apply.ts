import type { ChangeRecord } from '../../../shared/replication/change';
import type { Db } from '../db/open';
import { settlePromises } from '../promises/settle';
import { applyFlagOps, opsFromFields } from './flags-merge';
import { entitySpec, knownColumns, type EntitySpec } from './schema-map';
import { stmt } from './write-path';

/**
 * Applies one pulled change (its fields already opened) to the store, through the same tables and derived-data code
 * as a local write. Idempotent by change id. Append-only entities merge as a union by id; the others field by
 * field, the later HLC winning; case flags merge flag by flag (flags-merge.ts), so a concurrent unset never clears
 * a do-not-contact or dispute flag. Changes of entities this version does not know are kept as they came; a change
 * whose row refers to one not here yet waits and is retried after each page.
 */
export type Applied = 'applied' | 'duplicate' | 'kept' | 'waiting';

type Value = string | number | null;

function sqlValue(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return JSON.stringify(v);
}

/** A row that refers to one not here yet, or a partial write of a row whose first full write has not come yet. */
function isWaitingError(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === 'SQLITE_CONSTRAINT_NOTNULL';
}

function applyFields(db: Db, spec: EntitySpec, change: ChangeRecord, cols: string[]): void {
  const exists = stmt(db, `SELECT 1 FROM ${spec.table} WHERE id = ?`).get(change.id) !== undefined;
  const clocks = new Map(
    (stmt(db, 'SELECT field, hlc FROM hub_field_clock WHERE entity = ? AND row_id = ?').all(spec.entity, change.id) as { field: string; hlc: string }[]).map((r) => [r.field, r.hlc]),
  );
  const flagOps = spec.entity === 'case' ? opsFromFields(change.fields) : null;
  // with flag ops, the flags column follows the per-flag registers, not the last writer's list
  const winning = exists ? cols.filter((c) => (clocks.get(c) ?? '') < change.hlc && !(flagOps && c === 'flags')) : cols;
  if (flagOps && exists && winning.length === 0) return applyFlagOps(db, change.id, flagOps);
  if (winning.length === 0) return;
  const values = winning.map((c) => sqlValue(change.fields[c]));
  // table and column names come from the schema map (knownColumns filtered the wire's names against it)
  if (exists) stmt(db, `UPDATE ${spec.table} SET ${winning.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...values, change.id);
  else stmt(db, `INSERT INTO ${spec.table} (id, ${winning.join(', ')}) VALUES (?, ${winning.map(() => '?').join(', ')})`).run(change.id, ...values);
  const clock = stmt(db, 'INSERT INTO hub_field_clock (entity, row_id, field, hlc) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > hlc');
  for (const c of winning) clock.run(spec.entity, change.id, c, change.hlc);
  if (flagOps) applyFlagOps(db, change.id, flagOps);
}

function applyAppend(db: Db, spec: EntitySpec, change: ChangeRecord, cols: string[]): void {
  stmt(db, `INSERT OR IGNORE INTO ${spec.table} (id, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`).run(change.id, ...cols.map((c) => sqlValue(change.fields[c])));
}

/**
 * Recomputes what other rows derive from this one (KPI tables follow by their triggers): promise settlement, for the
 * case of a promise or a payment — at once, or, given `settle`, once the caller has applied the rest of its page (a
 * promise comes with its activity and the case's new status: settled before that status arrives, a broken promise
 * would leave the case at `ptp`, where a store that made the call itself has it back at `working`).
 */
function recomputeDerived(db: Db, spec: EntitySpec, change: ChangeRecord, now: string, settle?: Set<string>): void {
  if (spec.entity !== 'promise' && spec.entity !== 'payment') return;
  const caseId = change.fields.case_id;
  if (typeof caseId !== 'string') return;
  if (settle) settle.add(caseId);
  else settlePromises(db, now.slice(0, 10), now, [caseId]);
}

/** Settles the promises of the cases `applyChange` collected (see recomputeDerived). */
export function settleCollected(db: Db, settle: Set<string>, now: string): void {
  if (settle.size) settlePromises(db, now.slice(0, 10), now, [...settle]);
  settle.clear();
}

/** Applies a change inside the caller's transaction. */
export function applyChange(db: Db, change: ChangeRecord, now: string, settle?: Set<string>): Applied {
  if (stmt(db, 'SELECT 1 FROM hub_applied WHERE change_id = ?').get(change.changeId)) return 'duplicate';
  const spec = entitySpec(change.entity);
  if (!spec) {
    stmt(db, `INSERT OR IGNORE INTO hub_parked (change_id, reason, body) VALUES (?, 'unknown', ?)`).run(change.changeId, JSON.stringify(change));
    stmt(db, 'INSERT INTO hub_applied (change_id) VALUES (?)').run(change.changeId);
    return 'kept';
  }
  if (change.op === 'upsert') {
    const cols = knownColumns(spec, Object.keys(change.fields));
    stmt(db, 'SAVEPOINT hub_apply').run();
    try {
      if (cols.length) {
        if (spec.merge === 'append') applyAppend(db, spec, change, cols);
        else applyFields(db, spec, change, cols);
        recomputeDerived(db, spec, change, now, settle);
      }
      stmt(db, 'RELEASE hub_apply').run();
    } catch (err) {
      stmt(db, 'ROLLBACK TO hub_apply').run();
      stmt(db, 'RELEASE hub_apply').run();
      if (!isWaitingError(err)) throw err;
      stmt(db, `INSERT OR IGNORE INTO hub_parked (change_id, reason, body) VALUES (?, 'waiting', ?)`).run(change.changeId, JSON.stringify(change));
      return 'waiting';
    }
  }
  stmt(db, 'DELETE FROM hub_parked WHERE change_id = ?').run(change.changeId);
  stmt(db, 'INSERT INTO hub_applied (change_id) VALUES (?)').run(change.changeId);
  stmt(db, 'INSERT OR IGNORE INTO hub_rows (entity, row_id) VALUES (?, ?)').run(spec.entity, change.id);
  return 'applied';
}

/** Retries the changes that waited for a row they refer to; returns how many went in. */
export function retryWaiting(db: Db, now: string, settle?: Set<string>): number {
  let total = 0;
  for (;;) {
    const rows = stmt(db, `SELECT body FROM hub_parked WHERE reason = 'waiting' ORDER BY change_id`).pluck().all() as string[];
    let n = 0;
    for (const body of rows) if (applyChange(db, JSON.parse(body) as ChangeRecord, now, settle) === 'applied') n++;
    total += n;
    if (n === 0) return total;
  }
}
