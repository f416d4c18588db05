import type { CaseListQuery, CaseListRow } from '../../../shared/contract/schemas';
import { localDay } from '../../../shared/compliance/zoned';
import { maskName } from '../../../shared/domain/masking';
import { canSeeAllCases } from '../../../shared/domain/roles';
import { callingWindowAt } from '../../../shared/compliance/checks/time';
import type { Actor } from '../auth/actor';
import { rulePack } from '../compliance/packs';
import type { Db } from '../db/open';
import { bySuffix, CASE_NO_MATCH, CASE_NO_SUFFIX, PHONE_LAST4, personalMatch, searchParams, searchTerms, type SearchTerms } from './case-search';
import { guardedSearch } from './search-limit';
import { todayCounts } from './today-counts';

export type { CaseListQuery };

type Params = Record<string, string | number>;

const PENDING_DUE = `(SELECT min(p.due_date) FROM promises p WHERE p.case_id = c.id AND p.status = 'pending')`;
const BROKEN_WHERE = `(p.status = 'broken' OR (p.status = 'pending' AND p.due_date < @today))`;
/** Per row (a collector's few thousand cases, or the rows of one page): probe the case's promises. */
const BROKEN = `EXISTS (SELECT 1 FROM promises p WHERE p.case_id = c.id AND ${BROKEN_WHERE})`;
/** Over a whole store (a lead's view): read the broken promises once through their index. */
const BROKEN_ALL = `c.id IN (SELECT p.case_id FROM promises p WHERE ${BROKEN_WHERE})`;
/** Over a whole store (a lead's view): today's promises read once through their index. */
const DUE_TODAY_ALL = `c.id IN (SELECT p.case_id FROM promises p WHERE p.status = 'pending' AND p.due_date = @today)`;
/** Within a collector's few thousand cases: probe each case's promises (the store-wide list costs ~0.3 s at 1M cases). */
const DUE_TODAY_MINE = `EXISTS (SELECT 1 FROM promises p WHERE p.case_id = c.id AND p.status = 'pending' AND p.due_date = @today)`;
const ACTION_DUE = `(c.next_action_at IS NOT NULL AND c.next_action_at <= @now)`;
/** The working queue leaves paid cases out; a search or the status filter still finds them. */
const NOT_PAID = `c.status <> 'paid'`;

const ORDER: Record<Exclude<CaseListQuery['sort'], 'default'>, string> = {
  balance: 'c.balance_fen',
  overdueDays: 'c.overdue_days',
  nextActionAt: 'c.next_action_at',
  caseNo: 'c.case_no',
  promiseDue: 'promiseDueDate',
  dueBack: 'b.due_back_at',
};

/** The actor's scope: a collector only ever their own cases, whatever the query asks. */
function scope(actor: Actor, where: string[], params: Params): void {
  if (!canSeeAllCases(actor.role)) {
    where.push('c.assigned_to = @actorId');
    params.actorId = actor.id;
  }
}

/**
 * Search by case number (exact or prefix, in any case, or its last few characters), for four digits also by a phone's
 * last four among a collector's own cases — all free, since they tell nothing the masked screens do not — and, when
 * the text matches none of those, by the one personal field its shape names: ID number, the debtor's mobile or any
 * contact phone, or debtor name (prefix). A search by a personal field is audited and limited per user
 * (search-limit.ts).
 */
function search(db: Db, actor: Actor, terms: SearchTerms, base: string[], where: string[], params: Params): SearchTerms {
  Object.assign(params, searchParams(terms));
  const scoped = base.length ? `${base.join(' AND ')} AND` : '';
  const free = [CASE_NO_MATCH];
  if (bySuffix(terms)) free.push(CASE_NO_SUFFIX);
  // Within a collector's few thousand cases; a lead's million would each be probed.
  if (terms.last4 && !canSeeAllCases(actor.role)) free.push(PHONE_LAST4);
  const byFree = `(${free.join(' OR ')})`;
  // A case number known to the actor is searched as one, so a person's number typed there never counts as a search for a person.
  if (terms.field === null || db.prepare(`SELECT 1 FROM cases c WHERE ${scoped} ${byFree} LIMIT 1`).get(params) !== undefined) {
    where.push(byFree);
    return { ...terms, field: null, personal: false };
  }
  where.push(personalMatch(terms.field));
  return terms;
}

/**
 * The work queue: the actor's cases (a lead's: the team's), filtered, sorted and paged in SQLite. Default order:
 * promises due today, then next actions due, then highest balance.
 */
interface WindowColumns {
  debtorTz: string | null;
  consentStart: string | null;
  consentEnd: string | null;
  consentUntil: string | null;
}

type ClientHours = { params: Record<string, unknown> | null; timezone: string; byZone: Map<string, CaseListRow['callWindow']> };

function clientHours(db: Db, cache: Map<string, ClientHours>, clientCode: string): ClientHours {
  let c = cache.get(clientCode);
  if (c === undefined) {
    // Two fields of the stored (validated) profile, without parsing all of it again; the profile's defaults if absent.
    const p = db.prepare("SELECT json_extract(profile_json, '$.rulePack') AS pack, json_extract(profile_json, '$.timezone') AS tz FROM clients WHERE code = ?").get(clientCode) as
      | { pack: string | null; tz: string | null }
      | undefined;
    const hours = rulePack(p?.pack ?? 'cn-2026').rules.find((r) => r.check === 'callingHours');
    c = { params: hours?.params ?? null, timezone: p?.tz ?? 'Asia/Shanghai', byZone: new Map() };
    cache.set(clientCode, c);
  }
  return c;
}

/** The client's zone: a debtor's day where the debtor has no zone of their own. */
const clientZone = (db: Db, cache: Map<string, ClientHours>, clientCode: string): string => clientHours(db, cache, clientCode).timezone;

/** The calling window of a row's debtor now: the client's pack's hours, the debtor's zone (else the client's), their consent. */
function windowOf(db: Db, cache: Map<string, ClientHours>, clientCode: string, w: WindowColumns, now: Date): CaseListRow['callWindow'] {
  const c = clientHours(db, cache, clientCode);
  const params = c.params;
  if (!params) return null;
  const consent = w.consentStart && w.consentEnd && w.consentUntil ? { windowStart: w.consentStart, windowEnd: w.consentEnd, validUntil: w.consentUntil } : null;
  const tz = w.debtorTz ?? c.timezone;
  if (consent) return callingWindowAt(params, now, tz, consent);
  // Most debtors of a page share a zone: its state is worked out once.
  let s = c.byZone.get(tz);
  if (s === undefined) c.byZone.set(tz, (s = callingWindowAt(params, now, tz)));
  return s;
}

export function listCases(db: Db, actor: Actor, q: Partial<CaseListQuery>, now: Date = new Date()) {
  const where: string[] = [];
  const params: Params = { today: localDay(now, Intl.DateTimeFormat().resolvedOptions().timeZone), now: now.toISOString() };
  scope(actor, where, params);
  const DUE_TODAY = canSeeAllCases(actor.role) ? DUE_TODAY_ALL : DUE_TODAY_MINE;
  const base = [...where];
  const terms = q.search ? search(db, actor, searchTerms(q.search), base, where, params) : null;
  // The due chips count the working queue (the search box and the status filter do not change them).
  const working = [...base, NOT_PAID];
  if (!terms && q.status === undefined) where.push(NOT_PAID);
  if (q.due === 'promises_today') where.push(DUE_TODAY);
  if (q.due === 'next_action_due') where.push(ACTION_DUE);
  const broken = canSeeAllCases(actor.role) ? BROKEN_ALL : BROKEN;
  if (q.due === 'broken_promises') where.push(broken);
  const eq = (col: string, key: keyof CaseListQuery) => {
    const v = q[key];
    if (v !== undefined) {
      where.push(`${col} = @${key}`);
      params[key] = v as string;
    }
  };
  eq('cl.code', 'clientCode');
  eq('c.batch_id', 'batchId');
  eq('c.stage', 'stage');
  eq('c.status', 'status');
  if (q.assignedTo === 'none') where.push('c.assigned_to IS NULL');
  else eq('c.assigned_to', 'assignedTo');
  if (q.minBalanceFen !== undefined) {
    where.push('c.balance_fen >= @minBalance');
    params.minBalance = q.minBalanceFen;
  }
  if (q.maxBalanceFen !== undefined) {
    where.push('c.balance_fen <= @maxBalance');
    params.maxBalance = q.maxBalanceFen;
  }

  const from = 'FROM cases c JOIN debtors d ON d.id = c.debtor_id JOIN clients cl ON cl.id = c.client_id JOIN batches b ON b.id = c.batch_id';
  // Counting needs the joins only when a filter is on a joined table.
  const countFrom = q.clientCode ? 'FROM cases c JOIN clients cl ON cl.id = c.client_id' : 'FROM cases c';
  // The same count is asked twice when no filter is set (a bucket's size and its chip): counted once.
  const counted = new Map<string, number>();
  const countOf = (sql: string): number => {
    let n = counted.get(sql);
    if (n === undefined) counted.set(sql, (n = (db.prepare(sql).get(params) as { n: number }).n));
    return n;
  };
  const count = (extra: string[]) => {
    const w = [...where, ...extra];
    return countOf(`SELECT count(*) AS n ${countFrom} ${w.length ? `WHERE ${w.join(' AND ')}` : ''}`);
  };
  const select = (extra: string[], order: string, limit: number, offset: number) => {
    const w = [...where, ...extra];
    return db
      .prepare(
        `SELECT c.id, cl.code AS clientCode, c.case_no AS caseNo, d.name AS debtorName, c.balance_fen AS balanceFen, c.overdue_days AS overdueDays,
                c.stage, c.status, c.assigned_to AS assignedTo, u.display_name AS assignedToName, c.next_action_at AS nextActionAt,
                b.batch_no AS batchNo, b.due_back_at AS dueBackAt, c.flags,
                d.timezone AS debtorTz, d.consent_window_start AS consentStart, d.consent_window_end AS consentEnd, d.consent_valid_until AS consentUntil,
                ${PENDING_DUE} AS promiseDueDate,
                (SELECT p.amount_fen FROM promises p WHERE p.case_id = c.id AND p.status = 'pending' ORDER BY p.due_date LIMIT 1) AS promiseAmountFen,
                ${BROKEN} AS brokenPromise
         ${from} LEFT JOIN users u ON u.id = c.assigned_to ${w.length ? `WHERE ${w.join(' AND ')}` : ''}
         ORDER BY ${order}, c.case_no LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit, offset }) as (Omit<CaseListRow, 'flags' | 'brokenPromise'> & { flags: string; brokenPromise: number } & WindowColumns)[];
  };
  const pageSize = q.pageSize ?? 50;
  const offset = (q.page ?? 0) * pageSize;
  const sort = q.sort ?? 'default';
  const page = () => {
    let total: number;
    let rows: ReturnType<typeof select>;
    if (sort === 'default') {
      // Three buckets, each read in balance order through an index, so the first page of a large portfolio stays fast.
      const buckets = [[DUE_TODAY], [`NOT ${DUE_TODAY}`, ACTION_DUE], [`NOT ${DUE_TODAY}`, `NOT ${ACTION_DUE}`]];
      // |action due, not due today| = |action due| − |both|: counting the NOT IN form walks every due action (~1.5 s at 1M cases)
      const sizes = [count(buckets[0]!), count([ACTION_DUE]) - count([DUE_TODAY, ACTION_DUE])];
      total = count([]);
      sizes.push(total - sizes[0]! - sizes[1]!);
      rows = [];
      let skip = offset;
      for (let k = 0; k < 3 && rows.length < pageSize; k++) {
        const size = sizes[k]!;
        if (skip >= size) {
          skip -= size;
          continue;
        }
        rows.push(...select(buckets[k]!, 'c.balance_fen DESC', pageSize - rows.length, skip));
        skip = 0;
      }
    } else {
      total = count([]);
      rows = select([], `${ORDER[sort]} ${q.dir === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`, pageSize, offset);
    }
    return { total, rows };
  };
  const hoursOf = new Map<string, ClientHours>();
  const { total, rows } = terms ? guardedSearch(db, actor, terms, now, page) : page();
  const bucket = (cond: string) => countOf(`SELECT count(*) AS n FROM cases c WHERE ${working.join(' AND ')} AND ${cond}`);
  const today = todayCounts(db, rows.map((r) => ({ id: r.id, tz: r.debtorTz ?? clientZone(db, hoursOf, r.clientCode) })), now);
  return {
    rows: rows.map(({ debtorTz, consentStart, consentEnd, consentUntil, ...r }) => ({
      ...r,
      ...today.get(r.id)!,
      debtorName: maskName(r.debtorName),
      flags: JSON.parse(r.flags) as string[],
      brokenPromise: r.brokenPromise === 1,
      callWindow: windowOf(db, hoursOf, r.clientCode, { debtorTz, consentStart, consentEnd, consentUntil }, now),
    })),
    total,
    counts: { promisesToday: bucket(DUE_TODAY), nextActionsDue: bucket(ACTION_DUE), brokenPromises: bucket(broken) },
  };
}
