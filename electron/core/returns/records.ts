import type { ReturnField, ReturnRecordKind } from '../../../shared/profile/returns-schema';
import type { Db } from '../db/open';
import type { Period } from './period';

/** What one row of the returns carries before the template formats it: canonical values (fen, ISO, our codes). */
export type RawValue = string | number | null;
export type RecordType = 'activity' | 'promise' | 'plan' | 'recall';

export interface ReturnRecord {
  type: RecordType;
  id: string;
  /** recall ids are kept to mark them returned */
  values: Partial<Record<ReturnField, RawValue>>;
}

export type RecordCounts = Record<ReturnRecordKind, number>;

const TYPE: Record<ReturnRecordKind, RecordType> = { activities: 'activity', promises: 'promise', plans: 'plan', recalls: 'recall' };

/** Case and debtor columns every row carries. */
const CASE_COLUMNS = `c.case_no AS caseNo, b.batch_no AS batchNo, c.account_masked AS accountMasked, c.status AS caseStatus, c.balance_fen AS balance,
  d.name AS debtorName, d.id_number AS idNumber, d.mobile AS mobile`;
const CASE_JOINS = `JOIN cases c ON c.id = x.case_id JOIN batches b ON b.id = c.batch_id JOIN debtors d ON d.id = c.debtor_id`;

const SQL: Record<ReturnRecordKind, string> = {
  activities: `SELECT x.id AS recordId, ${CASE_COLUMNS}, x.started_at AS at, u.display_name AS collector, u.name AS collectorCode,
      x.channel, x.direction, x.party, cp.name AS contactName, cp.relation AS contactRelation, x.phone, x.result_code AS resultCode,
      x.duration_s AS durationSeconds, x.notes
    FROM activities x ${CASE_JOINS} LEFT JOIN contact_persons cp ON cp.id = x.contact_person_id LEFT JOIN users u ON u.id = x.collector_id
    WHERE c.client_id = @clientId AND x.started_at >= @fromAt AND x.started_at < @toAt
    ORDER BY x.started_at, x.id`,
  promises: `SELECT x.id AS recordId, ${CASE_COLUMNS}, x.created_at AS at, u.display_name AS collector, u.name AS collectorCode,
      x.amount_fen AS promiseAmount, x.due_date AS promiseDate, x.status AS promiseStatus
    FROM promises x ${CASE_JOINS} LEFT JOIN users u ON u.id = x.created_by
    WHERE c.client_id = @clientId AND x.created_at >= @fromAt AND x.created_at < @toAt
    ORDER BY x.created_at, x.id`,
  plans: `SELECT x.id AS recordId, ${CASE_COLUMNS}, x.created_at AS at, u.display_name AS collector, u.name AS collectorCode,
      x.kind AS planKind, x.status AS planStatus, x.schedule AS schedule, x.waiver_fen AS waiverAmount
    FROM plans x ${CASE_JOINS} LEFT JOIN users u ON u.id = x.created_by
    WHERE c.client_id = @clientId AND x.created_at >= @fromAt AND x.created_at < @toAt
    ORDER BY x.created_at, x.id`,
  // A recall is returned in the file of the period that holds its recall date: the same period gives the same file.
  recalls: `SELECT x.id AS recordId, ${CASE_COLUMNS}, x.recalled_at AS recalledAt, x.recalled_at AS date, x.reason AS recallReason
    FROM recalls x ${CASE_JOINS}
    WHERE x.client_id = @clientId AND x.recalled_at >= @fromDay AND x.recalled_at <= @toDay
    ORDER BY x.recalled_at, c.case_no, x.id`,
};

const COUNT_SQL: Record<ReturnRecordKind, string> = {
  activities: 'SELECT count(*) AS n FROM activities x JOIN cases c ON c.id = x.case_id WHERE c.client_id = @clientId AND x.started_at >= @fromAt AND x.started_at < @toAt',
  promises: 'SELECT count(*) AS n FROM promises x JOIN cases c ON c.id = x.case_id WHERE c.client_id = @clientId AND x.created_at >= @fromAt AND x.created_at < @toAt',
  plans: 'SELECT count(*) AS n FROM plans x JOIN cases c ON c.id = x.case_id WHERE c.client_id = @clientId AND x.created_at >= @fromAt AND x.created_at < @toAt',
  recalls: 'SELECT count(*) AS n FROM recalls x WHERE x.client_id = @clientId AND x.recalled_at >= @fromDay AND x.recalled_at <= @toDay',
};

function params(p: Period) {
  return { clientId: p.client.id, fromAt: p.fromAt, toAt: p.toAt, fromDay: p.from, toDay: p.to };
}

interface Schedule {
  dueDate?: string;
  amountFen?: number;
}

function planValues(row: Record<string, RawValue>): Record<string, RawValue> {
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
  for (const kind of p.returns.include) {
    if (limit !== undefined && out.length >= limit) break;
    const sql = limit === undefined ? SQL[kind] : `${SQL[kind]} LIMIT ${Math.max(0, limit - out.length)}`;
    const type = TYPE[kind];
    for (const row of db.prepare(sql).all(params(p)) as Record<string, RawValue>[]) {
      const values = kind === 'plans' ? planValues(row) : row;
      out.push({ type, id: String(row.recordId), values: { ...values, recordType: type } });
    }
  }
  return out;
}

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
