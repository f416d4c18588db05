import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { findUserByName } from '../auth/users';
import { getClient } from '../clients/clients';
import type { Db } from '../db/open';
import { CoreError } from '../errors';

export interface AssignRequest {
  clientCode: string;
  /** user names of the collectors */
  to: string[];
  batchId?: string;
}

export interface AssignResult {
  assigned: number;
  perUser: { user: string; cases: number; amountFen: number }[];
}

/**
 * Assigns the unassigned, workable cases of a client (or one batch) to collectors, split evenly by count and by
 * amount: cases by balance, highest first, dealt in a snake (1…n, n…1), which keeps counts within one and amounts
 * close.
 */
export function assignCases(db: Db, actor: Actor, req: AssignRequest, now: string): AssignResult {
  if (actor.role === 'collector') throw new CoreError('forbidden', 'Only a team lead or an admin can assign cases.');
  const client = getClient(db, req.clientCode);
  const users = req.to.map((name) => {
    const u = findUserByName(db, name);
    if (!u) throw new CoreError('not_found', `There is no user named "${name}".`, { field: 'to' });
    if (u.disabled_at) throw new CoreError('conflict', `The user "${name}" is disabled.`, { field: 'to' });
    if (u.role !== 'collector') throw new CoreError('invalid_input', `"${name}" is a ${u.role}, not a collector.`, { field: 'to' });
    return u;
  });
  if (users.length === 0) throw new CoreError('invalid_input', 'Name at least one collector.', { field: 'to' });
  return db.transaction((): AssignResult => {
    const cases = db
      .prepare(
        `SELECT id, balance_fen FROM cases WHERE client_id = ? AND assigned_to IS NULL AND status NOT IN ('recalled', 'closed', 'paid')
         AND (? IS NULL OR batch_id = ?) ORDER BY balance_fen DESC, case_no`,
      )
      .all(client.id, req.batchId ?? null, req.batchId ?? null) as { id: string; balance_fen: number }[];
    const tally = users.map((u) => ({ user: u.name, id: u.id, cases: 0, amountFen: 0 }));
    const update = db.prepare('UPDATE cases SET assigned_to = ?, assigned_at = ?, updated_at = ? WHERE id = ?');
    cases.forEach((c, i) => {
      const round = Math.floor(i / tally.length);
      const pos = i % tally.length;
      const t = tally[round % 2 === 0 ? pos : tally.length - 1 - pos]!;
      update.run(t.id, now, now, c.id);
      t.cases++;
      t.amountFen += c.balance_fen;
    });
    appendAudit(db, { actorId: actor.id, via: actor.via, action: 'case.assign', entity: 'client', entityId: client.id, details: { batchId: req.batchId ?? null, cases: cases.length, to: tally.map((t) => ({ userId: t.id, cases: t.cases })) } }, now);
    return { assigned: cases.length, perUser: tally.map(({ user, cases: n, amountFen }) => ({ user, cases: n, amountFen })) };
  })();
}
