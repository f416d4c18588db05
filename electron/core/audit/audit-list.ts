import type { AuditRow } from '../../../shared/contract/admin';
import type { Db } from '../db/open';

export interface AuditFilter {
  action?: string;
  actorId?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** The audit log for the admin's viewer, newest first, filtered by action (prefix), actor, entity and dates. */
export function listAudit(db: Db, f: AuditFilter): { rows: AuditRow[]; total: number } {
  const where = `WHERE (@action IS NULL OR a.action LIKE @action || '%') AND (@actor IS NULL OR a.actor_id = @actor) AND (@entity IS NULL OR a.entity_id = @entity)
    AND (@from IS NULL OR a.at >= @from) AND (@to IS NULL OR a.at < date(@to, '+1 day'))`;
  const params = { action: f.action ?? null, actor: f.actorId ?? null, entity: f.entityId ?? null, from: f.from ?? null, to: f.to ?? null };
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_events a ${where}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT a.seq, a.at, u.display_name AS actor, a.via, a.action, a.entity, a.entity_id AS entityId, a.details
       FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id ${where} ORDER BY a.seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: f.pageSize, offset: f.page * f.pageSize }) as AuditRow[];
  return { rows, total };
}
