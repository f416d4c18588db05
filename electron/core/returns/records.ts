import type { ReturnField, ReturnRecordKind, ReturnsSection } from '../../../shared/profile/returns-schema';
import type { Db } from '../db/open';
import type { Period } from './period';

/** What one row of the returns carries before the template formats it: canonical values (fen, ISO, our codes). */
export type RawValue = string | number | null;
export type RecordType = 'activity' | 'promise' | 'plan' | 'recall';

export interface ReturnRecord {
  type: RecordType;
  id: string;
  values: Partial<Record<ReturnField, RawValue>>;
}

export type RecordCounts = Record<ReturnRecordKind, number>;

const TYPE: Record<ReturnRecordKind, RecordType> = { activities: 'activity', promises: 'promise', plans: 'plan', recalls: 'recall' };

/** Where each field comes from, per kind of record (x is the record's own table). */
const CASE_FIELDS: Partial<Record<ReturnField, string>> = {
  caseNo: 'c.case_no', batchNo: 'b.batch_no', accountMasked: 'c.account_masked', caseStatus: 'c.status', balance: 'c.balance_fen',
  debtorName: 'd.name', idNumber: 'd.id_number', mobile: 'd.mobile',
};
const BY_USER: Partial<Record<ReturnField, string>> = { collector: 'u.display_name', collectorCode: 'u.name' };
const FIELDS: Record<ReturnRecordKind, Partial<Record<ReturnField, string>>> = {
  activities: {
    ...CASE_FIELDS, ...BY_USER, at: 'x.started_at', channel: 'x.channel', direction: 'x.direction', party: 'x.party', contactName: 'cp.name',
    contactRelation: 'cp.relation', phone: 'x.phone', resultCode: 'x.result_code', durationSeconds: 'x.duration_s', notes: 'x.notes',
  },
  promises: { ...CASE_FIELDS, ...BY_USER, at: 'x.created_at', promiseAmount: 'x.amount_fen', promiseDate: 'x.due_date', promiseStatus: 'x.status' },
  plans: { ...CASE_FIELDS, ...BY_USER, at: 'x.created_at', planKind: 'x.kind', planStatus: 'x.status', waiverAmount: 'x.waiver_fen' },
  // A recall reports the case as it left: recalled, in the batch the recall ended (a case placed again since is in another).
  recalls: { ...CASE_FIELDS, caseStatus: "'recalled'", date: 'x.recalled_at', recalledAt: 'x.recalled_at', recallReason: 'x.reason' },
};
const TABLE: Record<ReturnRecordKind, { table: string; user: string | null; where: string; order: string; batch?: string }> = {
  activities: { table: 'activities', user: 'x.collector_id', where: 'c.client_id = @clientId AND x.started_at >= @fromAt AND x.started_at < @toAt', order: 'x.started_at, x.id' },
  promises: { table: 'promises', user: 'x.created_by', where: 'c.client_id = @clientId AND x.created_at >= @fromAt AND x.created_at < @toAt', order: 'x.created_at, x.id' },
  plans: { table: 'plans', user: 'x.created_by', where: 'c.client_id = @clientId AND x.created_at >= @fromAt AND x.created_at < @toAt', order: 'x.created_at, x.id' },
  // A recall is returned in the file of the period in which the agency took it in (its import or sync): none is
  // missed when the bank's file comes late, and the same period always holds the same recalls.
  recalls: { table: 'recalls', user: null, batch: 'coalesce(x.batch_id, c.batch_id)', where: 'x.client_id = @clientId AND x.created_at >= @fromAt AND x.created_at < @toAt', order: 'x.created_at, c.case_no, x.id' },
};
const PLAN_SCHEDULE: ReturnField[] = ['planAmount', 'planInstallments', 'planFirstDueDate'];
/** Always read: the row's instant or date (its order and its day), and what the daily report counts. */
const ALWAYS: ReturnField[] = ['at', 'date', 'party', 'resultCode'];

/** The fields the template shows. */
export function usedFields(r: ReturnsSection): Set<ReturnField> {
  return new Set(r.columns.flatMap((c) => ('field' in c ? [c.field] : [])));
}

/** One SELECT per kind, reading only the fields the template uses and joining only the tables they need. */
function selectSql(kind: ReturnRecordKind, used: Set<ReturnField>): string {
  const t = TABLE[kind];
  const wanted = Object.entries(FIELDS[kind]).filter(([f]) => used.has(f as ReturnField) || ALWAYS.includes(f as ReturnField));
  const exprs = [...wanted.map(([f, e]) => `${e} AS ${f}`), 'x.id AS recordId'];
  if (kind === 'plans' && PLAN_SCHEDULE.some((f) => used.has(f))) exprs.push('x.schedule AS schedule');
  const needs = (alias: string) => wanted.some(([, e]) => e.startsWith(`${alias}.`));
  const joins = [
    'JOIN cases c ON c.id = x.case_id',
    needs('b') ? `JOIN batches b ON b.id = ${t.batch ?? 'c.batch_id'}` : '',
    needs('d') ? 'JOIN debtors d ON d.id = c.debtor_id' : '',
    needs('cp') ? 'LEFT JOIN contact_persons cp ON cp.id = x.contact_person_id' : '',
    needs('u') && t.user ? `LEFT JOIN users u ON u.id = ${t.user}` : '',
  ].filter(Boolean);
  return `SELECT ${exprs.join(', ')} FROM ${t.table} x ${joins.join(' ')} WHERE ${t.where} ORDER BY ${t.order}`;
}

function params(p: Period) {
  return { clientId: p.client.id, fromAt: p.fromAt, toAt: p.toAt };
}

interface Schedule {
  dueDate?: string;
  amountFen?: number;
}

function withSchedule(row: Record<string, RawValue>): Record<string, RawValue> {
  if (!('schedule' in row)) return row;
  let schedule: Schedule[] = [];
  try {
    const parsed: unknown = JSON.parse(String(row.schedule ?? '[]'));
    if (Array.isArray(parsed)) schedule = parsed as Schedule[];
  } catch {
    schedule = [];
  }
  const dues = schedule.map((s) => s.dueDate).filter((d): d is string => typeof d === 'string').sort();
  const { schedule: _drop, ...rest } = row;
  return {
    ...rest,
    planAmount: schedule.reduce((sum, s) => sum + (Number.isSafeInteger(s.amountFen) ? (s.amountFen as number) : 0), 0),
    planInstallments: schedule.length,
    planFirstDueDate: dues[0] ?? null,
  };
}

/** The records of the period, kind by kind in the profile's order, each kind in a stable order (time, then id). */
export function readRecords(db: Db, p: Period, limit?: number): ReturnRecord[] {
  const out: ReturnRecord[] = [];
  const used = usedFields(p.returns);
  for (const kind of p.returns.include) {
    if (limit !== undefined && out.length >= limit) break;
    const sql = `${selectSql(kind, used)}${limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(limit) - out.length)}`}`;
    const type = TYPE[kind];
    for (const row of db.prepare(sql).all(params(p)) as Record<string, RawValue>[]) {
      row.recordType = type;
      out.push({ type, id: String(row.recordId), values: kind === 'plans' ? withSchedule(row) : row });
    }
  }
  return out;
}

const COUNT_SQL: Record<ReturnRecordKind, string> = Object.fromEntries(
  (Object.keys(TABLE) as ReturnRecordKind[]).map((k) => [k, `SELECT count(*) AS n FROM ${TABLE[k].table} x JOIN cases c ON c.id = x.case_id WHERE ${TABLE[k].where}`]),
) as Record<ReturnRecordKind, string>;

/** How many records of each kind the period holds (kinds the profile leaves out count 0). */
export function countRecords(db: Db, p: Period): RecordCounts {
  const counts: RecordCounts = { activities: 0, promises: 0, plans: 0, recalls: 0 };
  for (const kind of p.returns.include) counts[kind] = (db.prepare(COUNT_SQL[kind]).get(params(p)) as { n: number }).n;
  return counts;
}

/** Recalls of the period not yet marked as returned to the bank. */
export function pendingRecalls(db: Db, p: Period): number {
  if (!p.returns.include.includes('recalls')) return 0;
  return (db.prepare(`${COUNT_SQL.recalls} AND x.returned_at IS NULL`).get(params(p)) as { n: number }).n;
}
