import type { Actor } from '../auth/actor';
import { findUserByName } from '../auth/users';
import { getClient } from '../clients/clients';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { assignSelection } from './assign-filter';

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

/** The CLI's `assign`: a client's (or one batch's) unassigned workable cases, split evenly among collectors named. */
export function assignCases(db: Db, actor: Actor, req: AssignRequest, now: string): AssignResult {
  getClient(db, req.clientCode);
  const users = req.to.map((name) => {
    const u = findUserByName(db, name);
    if (!u) throw new CoreError('not_found', `There is no user named "${name}".`, { field: 'to' });
    if (u.disabled_at) throw new CoreError('conflict', `The user "${name}" is disabled.`, { field: 'to' });
    if (u.role !== 'collector') throw new CoreError('invalid_input', `"${name}" is a ${u.role}, not a collector.`, { field: 'to' });
    return u;
  });
  const r = assignSelection(db, actor, { clientCode: req.clientCode, batchId: req.batchId, assignedTo: 'none' }, users.map((u) => u.id), now);
  return { assigned: r.assigned, perUser: r.perUser.map((p, i) => ({ user: users[i]?.name ?? p.userId, cases: p.cases, amountFen: p.amountFen })) };
}
