import { createHmac, randomBytes } from 'node:crypto';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import type { SearchField, SearchTerms } from './case-search';

/**
 * A search by a personal field (a whole phone number, an ID number, a name) answers "is this the debtor's value?",
 * which is what unmasking answers: each is audited and limited per user, so the search box cannot be used to
 * recover a masked value by trying candidates (a masked mobile has 10 000, an ID number with its birth year and
 * last four shown a few thousand, a name's hidden character a few thousand).
 */
export const AUDIT_ACTION = 'pii.search';

export interface SearchWindow {
  /** the window's length, sliding */
  ms: number;
  /** the searches a user may make within it */
  max: number;
  /** only searches by this field count (absent: every personal search) */
  field?: SearchField;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * A collector looks a debtor up when one calls in: a few searches a call, a few dozen a day. Twenty in ten minutes
 * and a hundred a day stay far above that, while a masked mobile then takes 100 days of searches to try every
 * candidate; ID numbers, which nobody searches often, twenty a day (a masked one's few thousand candidates: months).
 */
export const SEARCH_WINDOWS: readonly SearchWindow[] = [
  { ms: 10 * MINUTE, max: 20 },
  { ms: DAY, max: 100 },
  { ms: DAY, max: 20, field: 'idNumber' },
];

/** How long the same search again (a page turned, the queue shown again) is neither counted nor audited again. */
export const REPEAT_MS = 10 * MINUTE;

/**
 * The searches each user made lately, per open store, as keyed digests (the key lives in memory only, so nothing
 * here can be turned back into the value). Losing it (a restart) only counts a repeat once more.
 */
const recent = new WeakMap<Db, { key: Buffer; seen: Map<string, number> }>();

function memory(db: Db) {
  let m = recent.get(db);
  if (!m) recent.set(db, (m = { key: randomBytes(32), seen: new Map() }));
  return m;
}

function digest(db: Db, actor: Actor, t: SearchTerms): string {
  return createHmac('sha256', memory(db).key).update(JSON.stringify([actor.id, t.field, t.value])).digest('hex');
}

/** True when this user made the same search within REPEAT_MS (already counted and audited). */
function isRepeat(db: Db, actor: Actor, t: SearchTerms, nowMs: number): boolean {
  const { seen } = memory(db);
  for (const [k, until] of seen) if (until <= nowMs) seen.delete(k);
  return (seen.get(digest(db, actor, t)) ?? 0) > nowMs;
}

/**
 * When the user may search by `field` again, or null when they may now. Counted from the audit rows of earlier
 * searches (so a restart or another window of the app does not reset it): one pass over the user's events of the
 * longest window, through the index on (actor_id, at); the searches among them are at most the day's limit.
 */
export function searchAllowedAt(db: Db, actor: Actor, field: SearchField, now: Date): Date | null {
  const nowMs = now.getTime();
  const longest = Math.max(...SEARCH_WINDOWS.map((w) => w.ms));
  const done = db
    .prepare(`SELECT at, json_extract(details, '$.field') AS field FROM audit_events WHERE actor_id = ? AND at > ? AND action = ? ORDER BY at`)
    .all(actor.id, new Date(nowMs - longest).toISOString(), AUDIT_ACTION) as { at: string; field: string | null }[];
  let retry: number | null = null;
  for (const w of SEARCH_WINDOWS) {
    if (w.field && w.field !== field) continue;
    const inWindow = done.filter((d) => Date.parse(d.at) > nowMs - w.ms && (!w.field || d.field === w.field));
    if (inWindow.length < w.max) continue;
    // The window frees a place when the search that filled it leaves: the (n − max + 1)-th oldest in it.
    const at = Date.parse(inWindow[inWindow.length - w.max]!.at) + w.ms;
    retry = retry === null ? at : Math.max(retry, at);
  }
  return retry === null ? null : new Date(retry);
}

/**
 * Runs a search by a personal field: refused with `rate_limited` (and when to try again) past a window's limit;
 * else run, and audited with the field searched, how many cases it matched and their ids — never the value.
 */
export function guardedSearch<R extends { total: number; rows: { id: string }[] }>(db: Db, actor: Actor, t: SearchTerms, now: Date, run: () => R): R {
  if (!t.personal || !t.field) return run();
  const field = t.field;
  const nowMs = now.getTime();
  if (isRepeat(db, actor, t, nowMs)) return run();
  const retryAt = searchAllowedAt(db, actor, field, now);
  if (retryAt) {
    const retryAfterSeconds = Math.ceil((retryAt.getTime() - nowMs) / 1000);
    throw new CoreError('rate_limited', `Too many searches by name, phone or ID number. Search by case number, or try again after ${retryAt.toISOString()}.`, {
      field: 'search',
      retryAt: retryAt.toISOString(),
      retryAfterSeconds,
    });
  }
  const result = run();
  const at = now.toISOString();
  db.transaction(() =>
    appendAudit(db, { actorId: actor.id, via: actor.via, action: AUDIT_ACTION, details: { field, matched: result.total, caseIds: result.rows.slice(0, 20).map((r) => r.id) } }, at),
  )();
  memory(db).seen.set(digest(db, actor, t), nowMs + REPEAT_MS);
  return result;
}
