import { uuidv7 } from '../../../shared/domain/ids';
import type { Verdict } from '../../../shared/compliance/types';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { CoreError } from '../errors';

/** One finding to queue: where the words are in the activity's notes, and what the screening called them. */
export interface Finding {
  rule: string;
  category: string;
  kind: 'block' | 'warn';
  match: string;
  start: number;
  end: number;
}

export type FoundBy = 'record' | 'rescreen';

/**
 * Puts findings of one activity into the review queue (质检). A finding already queued for that activity — the same
 * rule and category, whatever its state — is left as it is: nothing is queued twice. Answers how many were added.
 * Runs inside the caller's transaction.
 */
export function enqueueFindings(db: Db, actor: Actor, a: { activityId: string; caseId: string; pack: string; foundBy: FoundBy }, findings: readonly Finding[], now: string): number {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO review_items (id, activity_id, case_id, rule, category, kind, match_text, match_start, match_end, found_by, pack, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let added = 0;
  // The strongest, earliest finding of a category stands for it.
  const ordered = [...findings].sort((x, y) => (x.kind === y.kind ? x.start - y.start : x.kind === 'block' ? -1 : 1));
  for (const f of ordered) {
    added += insert.run(uuidv7(), a.activityId, a.caseId, f.rule, f.category, f.kind, f.match, f.start, f.end, a.foundBy, a.pack, now, actor.id).changes;
  }
  return added;
}

/** The warns of note screening an activity was recorded with, as findings for the queue. */
export function findingsOfVerdicts(verdicts: readonly Verdict[]): Finding[] {
  return verdicts
    .filter((v) => v.kind === 'warn' && v.hits)
    .flatMap((v) => (v.hits ?? []).map((h) => ({ rule: v.rule, category: h.category, kind: h.kind, match: h.match, start: h.start, end: h.end })));
}

export const REVIEW_STATUSES = ['open', 'accepted', 'violation'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type ReviewFilter = ReviewStatus | 'decided' | 'all';

export interface ReviewRow {
  id: string;
  activityId: string;
  caseId: string;
  caseNo: string;
  clientCode: string;
  collector: string;
  startedAt: string;
  notes: string;
  rule: string;
  category: string;
  kind: 'block' | 'warn';
  match: string;
  start: number;
  end: number;
  foundBy: FoundBy;
  pack: string;
  /** the collector's reason for saving despite the warn */
  reason: string | null;
  status: ReviewStatus;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
}

function requireReviewer(actor: Actor, what: string): void {
  if (actor.role === 'collector') throw new CoreError('forbidden', `Only a team lead or an admin ${what} the review queue.`);
}

/** The review queue: open items oldest first; decided ones (newest decision first) when asked for. */
export function reviewQueue(db: Db, actor: Actor, q: { status?: ReviewFilter; clientCode?: string }): ReviewRow[] {
  requireReviewer(actor, 'reads');
  const status = q.status ?? 'open';
  return db
    .prepare(
      `SELECT r.id, r.activity_id AS activityId, r.case_id AS caseId, c.case_no AS caseNo, cl.code AS clientCode, u.display_name AS collector,
              a.started_at AS startedAt, coalesce(a.notes, '') AS notes, r.rule, r.category, r.kind, r.match_text AS "match", r.match_start AS "start",
              r.match_end AS "end", r.found_by AS foundBy, r.pack, a.override_reason AS reason, r.status, r.created_at AS createdAt,
              du.display_name AS decidedBy, r.decided_at AS decidedAt, r.decision_comment AS comment
       FROM review_items r JOIN activities a ON a.id = r.activity_id JOIN cases c ON c.id = r.case_id JOIN clients cl ON cl.id = c.client_id
       JOIN users u ON u.id = a.collector_id LEFT JOIN users du ON du.id = r.decided_by
       WHERE (@status = 'all' OR r.status = @status OR (@status = 'decided' AND r.status <> 'open')) AND (@client IS NULL OR cl.code = @client)
       ORDER BY CASE WHEN r.status = 'open' THEN 0 ELSE 1 END, CASE WHEN r.status = 'open' THEN r.created_at END, r.decided_at DESC
       LIMIT 1000`,
    )
    .all({ status, client: q.clientCode ?? null }) as ReviewRow[];
}

export type ReviewDecision = 'accept' | 'violation';

/**
 * A lead decides an open item: accepted (no violation) or a violation, with a comment (required for a violation).
 * The decision is audited; the item leaves the open queue. The note is not touched.
 */
export function decideReview(db: Db, actor: Actor, itemId: string, decision: ReviewDecision, comment: string, now: string): ReviewStatus {
  requireReviewer(actor, 'decides on');
  const text = comment.trim();
  if (decision === 'violation' && text.length < 2) throw new CoreError('invalid_input', 'Say in a comment what the violation is.', { field: 'comment' });
  return db.transaction((): ReviewStatus => {
    const item = db.prepare('SELECT id, status, activity_id, case_id, rule, category FROM review_items WHERE id = ?').get(itemId) as
      | { id: string; status: ReviewStatus; activity_id: string; case_id: string; rule: string; category: string }
      | undefined;
    if (!item) throw new CoreError('not_found', 'No such review item.', { field: 'itemId' });
    if (item.status !== 'open') throw new CoreError('conflict', `This item was already decided (${item.status}).`);
    const status: ReviewStatus = decision === 'accept' ? 'accepted' : 'violation';
    db.prepare('UPDATE review_items SET status = ?, decided_by = ?, decided_at = ?, decision_comment = ? WHERE id = ?').run(status, actor.id, now, text || null, itemId);
    appendAudit(
      db,
      { actorId: actor.id, via: actor.via, action: decision === 'accept' ? 'review.accept' : 'review.violation', entity: 'review_item', entityId: itemId, details: { activityId: item.activity_id, caseId: item.case_id, rule: item.rule, category: item.category, commented: text.length > 0 } },
      now,
    );
    return status;
  })();
}
