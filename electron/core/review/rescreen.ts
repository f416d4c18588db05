import { screenNote } from '../../../shared/compliance/screening/screen';
import { addDays, reportDayStart } from '../../../shared/compliance/zoned';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { getClient } from '../clients/clients';
import { rulePack } from '../compliance/packs';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { enqueueFindings } from './queue';

export interface RescreenQuery {
  clientCode: string;
  /** calendar days in the client's zone, inclusive */
  from?: string;
  to?: string;
}

export interface RescreenFinding {
  activityId: string;
  caseNo: string;
  startedAt: string;
  rule: string;
  category: string;
  kind: 'block' | 'warn';
  match: string;
  start: number;
  end: number;
  /** false: this finding was already in the review queue */
  added: boolean;
}

export interface RescreenResult {
  client: string;
  pack: string;
  /** notes screened */
  screened: number;
  /** notes with at least one finding */
  flagged: number;
  /** findings put into the review queue now */
  added: number;
  /** findings that were already in the queue */
  alreadyQueued: number;
  findings: RescreenFinding[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PAGE = 1000;

function checkDay(day: string | undefined, field: string): void {
  if (day !== undefined && (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))) {
    throw new CoreError('invalid_input', `--${field} must be a date YYYY-MM-DD (got "${day}").`, { field });
  }
}

/**
 * Screens the recorded notes of one client again with the client's current pack, and puts each new finding into the
 * review queue. The notes are evidence: nothing is changed or deleted; a finding already queued (same activity, rule
 * and category) is not queued twice, so running it again adds nothing. The run is audited.
 */
export function rescreenNotes(db: Db, actor: Actor, q: RescreenQuery, now: string): RescreenResult {
  if (actor.role === 'collector') throw new CoreError('forbidden', 'Only a team lead or an admin screens past notes again.');
  checkDay(q.from, 'from');
  checkDay(q.to, 'to');
  if (q.from && q.to && q.from > q.to) throw new CoreError('invalid_input', `--from (${q.from}) is after --to (${q.to}).`, { field: 'from' });
  const client = getClient(db, q.clientCode);
  const pack = rulePack(client.profile.rulePack);
  const packName = `${pack.id}@${pack.version}`;
  const profile = { repaymentChannels: client.profile.repaymentChannels ?? [] };
  const tz = client.profile.timezone;
  const since = q.from ? reportDayStart(q.from, tz).toISOString() : null;
  const until = q.to ? reportDayStart(addDays(q.to, 1), tz).toISOString() : null;
  const page = db.prepare(
    `SELECT a.id, a.case_id AS caseId, c.case_no AS caseNo, a.started_at AS startedAt, a.notes
     FROM activities a JOIN cases c ON c.id = a.case_id
     WHERE c.client_id = @client AND a.notes IS NOT NULL AND trim(a.notes) <> '' AND (@since IS NULL OR a.started_at >= @since) AND (@until IS NULL OR a.started_at < @until) AND a.id > @after
     ORDER BY a.id LIMIT ${PAGE}`,
  );
  const result: RescreenResult = { client: client.code, pack: packName, screened: 0, flagged: 0, added: 0, alreadyQueued: 0, findings: [] };
  db.transaction(() => {
    let after = '';
    for (;;) {
      const rows = page.all({ client: client.id, since, until, after }) as { id: string; caseId: string; caseNo: string; startedAt: string; notes: string }[];
      for (const row of rows) {
        result.screened++;
        const { hits } = screenNote(row.notes, pack, profile);
        if (hits.length === 0) continue;
        result.flagged++;
        // One finding per rule and category (the strongest, earliest), as the queue keeps them.
        const byKey = new Map<string, (typeof hits)[number]>();
        for (const h of [...hits].sort((x, y) => (x.kind === y.kind ? x.start - y.start : x.kind === 'block' ? -1 : 1))) {
          const key = `${h.rule}|${h.category}`;
          if (!byKey.has(key)) byKey.set(key, h);
        }
        for (const h of byKey.values()) {
          const added = enqueueFindings(db, actor, { activityId: row.id, caseId: row.caseId, pack: packName, foundBy: 'rescreen' }, [h], now) === 1;
          if (added) result.added++;
          else result.alreadyQueued++;
          result.findings.push({ activityId: row.id, caseNo: row.caseNo, startedAt: row.startedAt, rule: h.rule, category: h.category, kind: h.kind, match: h.match, start: h.start, end: h.end, added });
        }
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
    appendAudit(db, { actorId: actor.id, via: actor.via, action: 'notes.rescreen', entity: 'client', entityId: client.id, details: { pack: packName, from: q.from ?? null, to: q.to ?? null, screened: result.screened, added: result.added } }, now);
  })();
  return result;
}
