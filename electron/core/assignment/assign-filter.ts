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

/** How many cases and how much a selection holds, before assigning it. */
export function selectionSummary(db: Db, f: AssignFilter): { cases: number; balanceFen: number } {
  const { sql, params } = where(f);
  const r = db.prepare(`SELECT count(*) AS cases, coalesce(sum(balance_fen), 0) AS balanceFen FROM cases c WHERE ${sql}`).get(params) as { cases: number; balanceFen: number };
  return r;
}

/**
 * Assigns (or reassigns — a leaving collector's whole portfolio too) the selected cases to collectors, split
 * evenly by count and amount (snake order by balance). Audited, one event per assignment.
 */
export function assignSelection(db: Db, actor: Actor, f: AssignFilter, to: string[], now: string): { assigned: number; perUser: { userId: string; cases: number; amountFen: number }[] } {
  if (actor.role === 'collector') throw new CoreError('forbidden', 'Only a team lead or an admin can assign cases.');
  if (to.length === 0) throw new CoreError('invalid_input', 'Choose at least one collector.', { field: 'to' });
  return db.transaction(() => {
    for (const id of to) {
      const u = db.prepare('SELECT role, disabled_at FROM users WHERE id = ?').get(id) as { role: string; disabled_at: string | null } | undefined;
      if (!u || u.role !== 'collector' || u.disabled_at) throw new CoreError('invalid_input', 'Cases go to active collectors only.', { field: 'to' });
    }
    const { sql, params } = where(f);
    const cases = db.prepare(`SELECT id, balance_fen FROM cases c WHERE ${sql} ORDER BY balance_fen DESC, case_no`).all(params) as { id: string; balance_fen: number }[];
    const tally = to.map((userId) => ({ userId, cases: 0, amountFen: 0 }));
    const update = db.prepare('UPDATE cases SET assigned_to = ?, assigned_at = ?, updated_at = ? WHERE id = ?');
    const station = stationOf(db);
    cases.forEach((c, i) => {
      const round = Math.floor(i / tally.length);
      const pos = i % tally.length;
      const t = tally[round % 2 === 0 ? pos : tally.length - 1 - pos]!;
      update.run(t.userId, now, now, c.id);
      if (station) {
        recordChange(db, { entity: 'case', id: c.id, fields: ['assigned_to', 'assigned_at', 'updated_at'], userId: actor.id, now }, station);
        recordRoute(db, c.id, station);
      }
      t.cases++;
      t.amountFen += c.balance_fen;
    });
    appendAudit(db, { actorId: actor.id, via: actor.via, action: 'case.assign', details: { filter: { ...f }, cases: cases.length, to: tally.map((t) => ({ userId: t.userId, cases: t.cases })) } }, now);
    return { assigned: cases.length, perUser: tally };
  })();
}
