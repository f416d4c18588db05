import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { CoreError } from '../errors';

export interface LastAssignment {
  opId: string;
  at: string;
  by: string;
  cases: number;
  /** cases taken from someone who held them */
  reassigned: number;
}

/** The latest assignment, if it is not undone yet: the one a lead can undo. */
export function lastAssignment(db: Db): LastAssignment | null {
  const op = db.prepare('SELECT id, created_at, created_by, undone_at FROM assignment_ops ORDER BY created_at DESC, id DESC LIMIT 1').get() as
    | { id: string; created_at: string; created_by: string; undone_at: string | null }
    | undefined;
  if (!op || op.undone_at) return null;
  const n = db.prepare('SELECT count(*) AS cases, count(from_user) AS reassigned FROM assignment_op_cases WHERE op_id = ?').get(op.id) as { cases: number; reassigned: number };
  const by = db.prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(op.created_by) as string | undefined;
  return { opId: op.id, at: op.created_at, by: by ?? op.created_by, cases: n.cases, reassigned: n.reassigned };
}

/**
 * Undoes the last assignment: each of its cases goes back to the holder it had before (or to nobody), with the
 * assignment time it had. Refused when anything has happened to one of its cases since — assigned again, an activity
 * or a promise recorded on it — as the new holder's work would then be taken away from them. Audited.
 */
export function undoLastAssignment(db: Db, actor: Actor, opId: string, now: string): { restored: number } {
  if (actor.role === 'collector') throw new CoreError('forbidden', 'Only a team lead or an admin can undo an assignment.');
  return db.transaction(() => {
    const last = lastAssignment(db);
    if (!last || last.opId !== opId) throw new CoreError('conflict', 'Only the last assignment can be undone, and only once.', { field: 'opId' });
    const touched = db
      .prepare(
        `SELECT count(*) FROM assignment_op_cases x JOIN cases c ON c.id = x.case_id
         WHERE x.op_id = @opId AND (c.assigned_to IS NOT x.to_user OR c.assigned_at IS NOT @at
           OR EXISTS (SELECT 1 FROM activities a WHERE a.case_id = c.id AND a.recorded_at >= @at)
           OR EXISTS (SELECT 1 FROM promises pr WHERE pr.case_id = c.id AND pr.created_at >= @at))`,
      )
      .pluck()
      .get({ opId, at: last.at }) as number;
    if (touched > 0) {
      throw new CoreError('conflict', `${touched} of the assignment's cases have been worked or moved since; it can no longer be undone.`, { field: 'opId', touched });
    }
    const r = db
      .prepare(
        `UPDATE cases SET assigned_to = x.from_user, assigned_at = x.from_at, updated_at = @now
         FROM assignment_op_cases x WHERE x.op_id = @opId AND x.case_id = cases.id`,
      )
      .run({ opId, now });
    db.prepare('UPDATE assignment_ops SET undone_at = ?, undone_by = ? WHERE id = ?').run(now, actor.id, opId);
    appendAudit(db, { actorId: actor.id, via: actor.via, action: 'case.assign.undo', details: { opId, cases: r.changes } }, now);
    return { restored: r.changes };
  })();
}
