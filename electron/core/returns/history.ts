import type { Db } from '../db/open';

export interface ReturnsHistoryRow {
  at: string;
  by: string;
  client: string;
  from: string;
  to: string;
  fileName: string;
  sha256: string;
  counts: { activities: number; promises: number; plans: number; recalls: number };
}

interface Details {
  client?: string;
  from?: string;
  to?: string;
  file?: string;
  sha256?: string;
  rows?: Partial<ReturnsHistoryRow['counts']>;
}

/** Past exports, newest first, from their audit rows (which hold ids, names of files, hashes and counts only). */
export function returnsHistory(db: Db, clientCode: string | undefined, limit: number): ReturnsHistoryRow[] {
  const rows = db
    .prepare(
      `SELECT e.at, e.details, coalesce(u.display_name, '') AS by FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
       WHERE e.action = 'returns.export' AND (@client IS NULL OR json_extract(e.details, '$.client') = @client) ORDER BY e.seq DESC LIMIT @limit`,
    )
    .all({ client: clientCode ?? null, limit }) as { at: string; details: string; by: string }[];
  return rows.map((r) => {
    const d = JSON.parse(r.details) as Details;
    const n = d.rows ?? {};
    return {
      at: r.at, by: r.by, client: d.client ?? '', from: d.from ?? '', to: d.to ?? '', fileName: d.file ?? '', sha256: d.sha256 ?? '',
      counts: { activities: n.activities ?? 0, promises: n.promises ?? 0, plans: n.plans ?? 0, recalls: n.recalls ?? 0 },
    };
  });
}
