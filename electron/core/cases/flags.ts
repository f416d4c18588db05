import type { CaseFlag } from '../../../shared/compliance/types';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { recordChange } from '../hub/write-path';
import { caseRowForActor } from './case-detail';

/**
 * Raises or clears a case flag (dispute, complaint, deceased, bankruptcy, lawyer, cease communication, vulnerable).
 * A collector may raise one on their case; clearing it is for a lead or an admin. Audited.
 */
export function setFlag(db: Db, actor: Actor, caseId: string, flag: CaseFlag, on: boolean, reason: string | undefined, now: string): string[] {
  const row = caseRowForActor(db, actor, caseId);
  if (!on && actor.role === 'collector') throw new CoreError('forbidden', 'Only a team lead can clear a flag.');
  const flags = new Set(JSON.parse(row.flags) as string[]);
  if (on) flags.add(flag);
  else flags.delete(flag);
  const next = [...flags].sort();
  db.transaction(() => {
    db.prepare('UPDATE cases SET flags = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(next), now, caseId);
    recordChange(db, { entity: 'case', id: caseId, fields: ['flags', 'updated_at'], userId: actor.id, now });
    appendAudit(db, { actorId: actor.id, via: actor.via, action: on ? 'case.flag_raise' : 'case.flag_clear', entity: 'case', entityId: caseId, details: { flag, reasonGiven: Boolean(reason) } }, now);
  })();
  return next;
}
