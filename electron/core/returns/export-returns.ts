import { createHash } from 'node:crypto';
import { chainHead } from '../audit/anchors';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { cellText, headerRow, rowFormatter, unmaskedColumns, type Table } from './cells';
import { dailyTable } from './daily-report';
import { encodeCsv } from './encode-csv';
import { encodeXlsx } from './encode-xlsx';
import { fileNameFor, resolvePeriod, type Period, type ReturnsQuery } from './period';
import { countRecords, pendingRecalls, readRecords, type RecordCounts, type ReturnRecord } from './records';

export type { ReturnsQuery } from './period';

export interface ReturnsFile {
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

export interface ReturnsExport extends ReturnsFile {
  client: string;
  from: string;
  to: string;
  format: 'csv' | 'xlsx';
  counts: RecordCounts;
  /** a csv template's daily report is a second file; an xlsx template's is a sheet of the one workbook */
  dailyReport: ReturnsFile | null;
  /** recalls of the period marked as returned by this export (0 when they already were) */
  recallsMarked: number;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const file = (fileName: string, bytes: Buffer): ReturnsFile => ({ fileName, bytes, sha256: sha256(bytes) });

function countsOf(records: ReturnRecord[]): RecordCounts {
  const counts: RecordCounts = { activities: 0, promises: 0, plans: 0, recalls: 0 };
  const key = { activity: 'activities', promise: 'promises', plan: 'plans', recall: 'recalls' } as const;
  for (const r of records) counts[key[r.type]]++;
  return counts;
}

/** The file(s) of a period in the client's template. Pure reading: nothing is written to the store. */
async function build(db: Db, actor: Actor, p: Period, records: ReturnRecord[]): Promise<{ main: ReturnsFile; daily: ReturnsFile | null }> {
  const r = p.returns;
  const format = rowFormatter(r, p.tz);
  const table: Table = { name: r.sheet, headers: headerRow(r), rows: records.map(format) };
  const activities = r.include.includes('activities') ? records.filter((x) => x.type === 'activity') : undefined;
  const daily = r.dailyReport ? dailyTable(db, actor, p, r.dailyReport, activities) : null;
  const name = fileNameFor(r.fileName, 'returns_{client}_{from}_{to}', p, r.format);
  if (r.format === 'xlsx') {
    // The workbook's dates are the period's last day: no clock reading goes into the file.
    const bytes = encodeXlsx(daily ? [table, daily] : [table], { amountUnit: r.amountUnit, stamp: new Date(`${p.to}T00:00:00Z`) });
    return { main: file(name, bytes), daily: null };
  }
  const csv = { encoding: r.encoding, bom: r.bom, amountUnit: r.amountUnit };
  return {
    main: file(name, encodeCsv(table, csv)),
    daily: daily && r.dailyReport ? file(fileNameFor(r.dailyReport.fileName, 'daily_{client}_{from}_{to}', p, 'csv'), encodeCsv(daily, csv)) : null,
  };
}

export interface ExportOptions {
  /** the moment of the export (audit row, recalls' returned_at) */
  now: string;
  /**
   * Called inside the transaction that writes the audit row and marks the recalls returned, e.g. to put the file
   * in place: if it throws, nothing is recorded and no recall is marked.
   */
  deliver?: (files: { main: ReturnsFile; daily: ReturnsFile | null }) => void;
}

/**
 * The returns of a period in the client's template (CLI.md `export returns`): the same period over the same data
 * gives the same bytes. Audited with the file's SHA-256 (ids and counts, never personal data); the recalls it
 * carries are marked returned in the same transaction.
 */
export async function exportReturns(db: Db, actor: Actor, q: ReturnsQuery, o: ExportOptions): Promise<ReturnsExport> {
  const p = resolvePeriod(db, actor, q);
  const records = readRecords(db, p);
  const { main, daily } = await build(db, actor, p, records);
  const counts = countsOf(records);
  const recallIds = records.filter((r) => r.type === 'recall').map((r) => r.id);
  let recallsMarked = 0;
  db.transaction(() => {
    const mark = db.prepare('UPDATE recalls SET returned_at = ? WHERE id = ? AND returned_at IS NULL');
    for (const id of recallIds) recallsMarked += mark.run(o.now, id).changes;
    appendAudit(
      db,
      {
        actorId: actor.id,
        via: actor.via,
        action: 'returns.export',
        entity: 'client',
        entityId: p.client.id,
        details: {
          client: p.client.code, from: p.from, to: p.to, format: p.returns.format, file: main.fileName, sha256: main.sha256,
          ...(daily ? { dailyFile: daily.fileName, dailySha256: daily.sha256 } : {}),
          rows: counts, recallsMarked, unmaskedFields: p.returns.unmasked,
          // the audit chain's head before this row: an anchor that verify checks the chain against
          ...anchorDetail(db),
        },
      },
      o.now,
    );
    o.deliver?.({ main, daily });
  })();
  return { ...main, client: p.client.code, from: p.from, to: p.to, format: p.returns.format, counts, dailyReport: daily, recallsMarked };
}

export interface ReturnsPreview {
  client: string;
  from: string;
  to: string;
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gbk' | null;
  fileName: string;
  dailyFileName: string | null;
  counts: RecordCounts;
  total: number;
  /** recalls of the period not yet marked returned: the export marks them */
  recallsPending: number;
  headers: string[];
  /** the first rows as they will be written, personal fields masked on screen whatever the file carries */
  rows: string[][];
  /** columns the file carries in full (the bank's profile asks for them) */
  unmaskedColumns: string[];
  daily: { headers: string[]; rows: string[][] } | null;
}

/** What an export of the period would write: counts, the first rows, the daily report. Nothing is written. */
export function previewReturns(db: Db, actor: Actor, q: ReturnsQuery, sample = 20): ReturnsPreview {
  const p = resolvePeriod(db, actor, q);
  const r = p.returns;
  const counts = countRecords(db, p);
  const format = rowFormatter(r, p.tz, { maskAll: true });
  const asText = (rows: Table['rows']) => rows.map((row) => row.map((c) => cellText(c, r.amountUnit)));
  const daily = r.dailyReport ? dailyTable(db, actor, p, r.dailyReport) : null;
  return {
    client: p.client.code,
    from: p.from,
    to: p.to,
    format: r.format,
    encoding: r.format === 'csv' ? r.encoding : null,
    fileName: fileNameFor(r.fileName, 'returns_{client}_{from}_{to}', p, r.format),
    dailyFileName: r.format === 'csv' && r.dailyReport ? fileNameFor(r.dailyReport.fileName, 'daily_{client}_{from}_{to}', p, 'csv') : null,
    counts,
    total: counts.activities + counts.promises + counts.plans + counts.recalls,
    recallsPending: pendingRecalls(db, p),
    headers: headerRow(r),
    rows: asText(readRecords(db, p, sample).map(format)),
    unmaskedColumns: unmaskedColumns(r),
    daily: daily ? { headers: daily.headers, rows: asText(daily.rows) } : null,
  };
}

function anchorDetail(db: Db): { anchor?: { seq: number; hash: string } } {
  const head = chainHead(db);
  return head ? { anchor: head } : {};
}
