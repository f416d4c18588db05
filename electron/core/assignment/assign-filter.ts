import { uuidv7 } from '../../../shared/domain/ids';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { stationOf } from '../hub/station-state';
import { recordChange, recordRoute } from '../hub/write-path';

export interface AssignFilter {
  clientCode?: string;
  batchId?: string;
  stage?: string;
  status?: string;
  minBalanceFen?: number;
  maxBalanceFen?: number;
  /** a user id, or 'none' for unassigned cases */
  assignedTo?: string;
}

function where(f: AssignFilter): { sql: string; params: Record<string, string | number> } {
  const w = ["c.status NOT IN ('recalled', 'closed', 'paid')"];
  const params: Record<string, string | number> = {};
  const add = (cond: string, key: string, v: string | number | undefined) => {
    if (v === undefined || v === '') return;
    w.push(cond);
    params[key] = v;
  };
  add('c.client_id = (SELECT id FROM clients WHERE code = @client)', 'client', f.clientCode);
  add('c.batch_id = @batch', 'batch', f.batchId);
  add('c.stage = @stage', 'stage', f.stage);
  add('c.status = @status', 'status', f.status);
  add('c.balance_fen >= @min', 'min', f.minBalanceFen);
  add('c.balance_fen <= @max', 'max', f.maxBalanceFen);
  if (f.assignedTo === 'none') w.push('c.assigned_to IS NULL');
  else add('c.assigned_to = @assigned', 'assigned', f.assignedTo);
  return { sql: w.join(' AND '), params };
}

interface Planned {
  id: string;
  balance_fen: number;
  from: string | null;
  to: string;
}

/** Which collector each selected case goes to: split evenly by count and amount (snake order by balance). */
function plan(db: Db, f: AssignFilter, to: string[]): Planned[] {
  const { sql, params } = where(f);
  const cases = db.prepare(`SELECT id, balance_fen, assigned_to FROM cases c WHERE ${sql} ORDER BY balance_fen DESC, case_no`).all(params) as { id: string; balance_fen: number; assigned_to: string | null }[];
  return cases.map((c, i) => {
    const round = Math.floor(i / to.length);
    const pos = i % to.length;
    return { id: c.id, balance_fen: c.balance_fen, from: c.assigned_to, to: to[round % 2 === 0 ? pos : to.length - 1 - pos]! };
  });
}

export interface AssignMove {
  /** the holder now (null: unassigned) */
  from: string | null;
  fromName: string | null;
  to: string;
  toName: string;
  cases: number;
  amountFen: number;
}

export interface AssignPreview {
  cases: number;
  balanceFen: number;
  /** cases of the selection someone holds now, and of them those with a promise still pending */
  held: number;
  livePromises: number;
  /** with collectors chosen: who gives how many cases (and how much) to whom; cases that stay put are left out */
  moves: AssignMove[];
}

/** What an assignment would do, before it is done: above all, cases taken from someone who holds them now. */
export function assignPreview(db: Db, f: AssignFilter, to: string[] = []): AssignPreview {
  const { sql, params } = where(f);
  const r = db
    .prepare(
      `SELECT count(*) AS cases, coalesce(sum(balance_fen), 0) AS balanceFen, count(c.assigned_to) AS held,
              coalesce(sum(c.assigned_to IS NOT NULL AND EXISTS (SELECT 1 FROM promises pr WHERE pr.case_id = c.id AND pr.status = 'pending')), 0) AS livePromises
       FROM cases c WHERE ${sql}`,
    )
    .get(params) as { cases: number; balanceFen: number; held: number; livePromises: number };
  const names = new Map((db.prepare('SELECT id, display_name FROM users').all() as { id: string; display_name: string }[]).map((u) => [u.id, u.display_name]));
  const moves = new Map<string, AssignMove>();
  if (to.length > 0) {
    for (const p of plan(db, f, to)) {
      if (p.from === null || p.from === p.to) continue;
      const k = `${p.from}>${p.to}`;
      const m = moves.get(k) ?? { from: p.from, fromName: names.get(p.from) ?? null, to: p.to, toName: names.get(p.to) ?? p.to, cases: 0, amountFen: 0 };
      m.cases++;
      m.amountFen += p.balance_fen;
      moves.set(k, m);
    }
  }
  return { ...r, moves: [...moves.values()].sort((a, b) => b.cases - a.cases) };
}

/**
 * Assigns (or reassigns — a leaving collector's whole portfolio too) the selected cases to collectors, split
 * evenly by count and amount (snake order by balance). Kept as one operation with each case's previous holder (so the
 * last one can be undone: assign-undo.ts) and audited, one event per assignment.
 */
export function assignSelection(db: Db, actor: Actor, f: AssignFilter, to: string[], now: string): { assigned: number; perUser: { userId: string; cases: number; amountFen: number }[]; opId: string } {
  if (actor.role === 'collector') throw new CoreError('forbidden', 'Only a team lead or an admin can assign cases.');
  if (to.length === 0) throw new CoreError('invalid_input', 'Choose at least one collector.', { field: 'to' });
  return db.transaction(() => {
    for (const id of to) {
      const u = db.prepare('SELECT role, disabled_at FROM users WHERE id = ?').get(id) as { role: string; disabled_at: string | null } | undefined;
      if (!u || u.role !== 'collector' || u.disabled_at) throw new CoreError('invalid_input', 'Cases go to active collectors only.', { field: 'to' });
    }
    const cases = plan(db, f, to);
    const tally = to.map((userId) => ({ userId, cases: 0, amountFen: 0 }));
    const opId = uuidv7();
    db.prepare('INSERT INTO assignment_ops (id, created_at, created_by) VALUES (?, ?, ?)').run(opId, now, actor.id);
    const before = db.prepare('SELECT assigned_at FROM cases WHERE id = ?').pluck();
    const record = db.prepare('INSERT INTO assignment_op_cases (op_id, case_id, from_user, from_at, to_user) VALUES (?, ?, ?, ?, ?)');
    const update = db.prepare('UPDATE cases SET assigned_to = ?, assigned_at = ?, updated_at = ? WHERE id = ?');
    const station = stationOf(db);
    for (const c of cases) {
      record.run(opId, c.id, c.from, before.get(c.id) as string | null, c.to);
      update.run(c.to, now, now, c.id);
      if (station) {
        recordChange(db, { entity: 'case', id: c.id, fields: ['assigned_to', 'assigned_at', 'updated_at'], userId: actor.id, now }, station);
        recordRoute(db, c.id, station);
      }
      const t = tally.find((x) => x.userId === c.to)!;
      t.cases++;
      t.amountFen += c.balance_fen;
    }
    const moved = cases.filter((c) => c.from !== null && c.from !== c.to).length;
    appendAudit(db, { actorId: actor.id, via: actor.via, action: 'case.assign', details: { opId, filter: { ...f }, cases: cases.length, reassigned: moved, to: tally.map((t) => ({ userId: t.userId, cases: t.cases })) } }, now);
    return { assigned: cases.length, perUser: tally, opId };
  })();
}
