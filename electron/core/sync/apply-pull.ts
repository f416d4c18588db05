import type { Actor } from '../auth/actor';
import type { ClientRecord } from '../clients/clients';
import type { Db } from '../db/open';
import { importRecords, type BatchKey } from '../import/import-file';
import type { Rejection } from '../import/row-reader';
import { settlePromises } from '../promises/settle';
import { batchLabel, IMPORT_KIND, paymentRows, placementRows, recallRows, type RowsOfRun } from './pulled-rows';
import { sha256Hex } from './signature';
import { readCursor, writeCursor } from './state';
import { PULL_KINDS, type PullKind, type PullPage, type PullRecord } from './wire';

/**
 * Applies pulled pages through the file import's path. The bank is authoritative for what it sends — placements
 * (balances, amounts, contacts), payments and recalls — and the agency for its activities, which are never pulled.
 * A page and its cursor commit in ONE transaction: a round killed at any point has applied whole pages only, and
 * the next round pulls from the last committed cursor, so nothing is lost or applied twice.
 */
export interface PullTally {
  placements: number;
  payments: number;
  recalls: number;
  /** records of kinds this version does not know */
  skipped: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: (Rejection & { kind: PullKind })[];
}

export function emptyTally(): PullTally {
  return { placements: 0, payments: 0, recalls: 0, skipped: 0, inserted: 0, updated: 0, unchanged: 0, rejected: [] };
}

export interface ApplyContext {
  client: ClientRecord;
  actor: Actor;
  /** the instant written as the rows' creation time */
  now: string;
  /** the agency's calendar day, for promise settlement */
  today: string;
}

interface Run {
  kind: PullKind | null;
  records: PullRecord[];
}

function kindOf(r: PullRecord): PullKind | null {
  return (PULL_KINDS as readonly string[]).includes(r.kind) ? (r.kind as PullKind) : null;
}

/**
 * Consecutive records of one kind, in feed order. Placements also break at a new batch, and where a case number
 * comes again: the later record then updates the case, as a later delivery would, instead of being refused as a
 * repeat within one file.
 */
export function runsOf(records: readonly PullRecord[]): Run[] {
  const runs: Run[] = [];
  let cur: Run | null = null;
  let cases = new Set<string>();
  let batch = '';
  for (const r of records) {
    const kind = kindOf(r);
    const caseNo = typeof r.data.caseNo === 'string' ? r.data.caseNo.trim() : '';
    const label = kind === 'placement' ? batchLabel(r) : '';
    if (!cur || cur.kind !== kind || (kind === 'placement' && (label !== batch || (caseNo !== '' && cases.has(caseNo))))) {
      cur = { kind, records: [] };
      runs.push(cur);
      cases = new Set();
      batch = label;
    }
    cur.records.push(r);
    if (caseNo) cases.add(caseNo);
  }
  return runs;
}

function rowsOf(run: Run & { kind: PullKind }, client: ClientRecord): RowsOfRun {
  if (run.kind === 'placement') return placementRows(run.records, client.profile.placement);
  if (run.kind === 'payment') return paymentRows(run.records, client.profile.payments);
  return recallRows(run.records, client.profile.recalls);
}

const TALLY_KEY: Record<PullKind, 'placements' | 'payments' | 'recalls'> = { placement: 'placements', payment: 'payments', recall: 'recalls' };

/**
 * Applies one page and stores its cursor, in one transaction. False when the stored cursor is no longer `since`
 * (another round, e.g. in another process, applied this page first): nothing is then applied.
 */
export function applyPage(db: Db, ctx: ApplyContext, since: string | null, page: PullPage, tally: PullTally): boolean {
  const { client } = ctx;
  return db
    .transaction(() => {
      if (readCursor(db, client.id) !== since) return false;
      let paid = false;
      for (const run of runsOf(page.records)) {
        if (run.kind === null) {
          tally.skipped += run.records.length;
          continue;
        }
        const kind = run.kind;
        const first = run.records[0]?.seq ?? 0;
        const last = run.records.at(-1)?.seq ?? first;
        const sha256 = sha256Hex([client.code, kind, since ?? '', page.cursor, first, last, JSON.stringify(run.records.map((r) => r.data))].join('\n'));
        const label = kind === 'placement' && run.records[0] ? batchLabel(run.records[0]) : '';
        const batch: BatchKey | undefined = kind === 'placement' ? { fileName: `bank API batch ${label}`, sha256: sha256Hex(`collectdesk sync batch\n${client.code}\n${label}`) } : undefined;
        const summary = importRecords(db, {
          clientCode: client.code,
          kind: IMPORT_KIND[kind],
          name: `bank API ${TALLY_KEY[kind]} #${first}–${last}`,
          sha256,
          ...rowsOf({ kind, records: run.records }, client),
          batch,
          actor: ctx.actor,
          now: ctx.now,
        });
        tally[TALLY_KEY[kind]] += run.records.length;
        tally.inserted += summary.inserted;
        tally.updated += summary.updated;
        tally.unchanged += summary.unchanged;
        for (const r of summary.rejected) tally.rejected.push({ kind, ...r });
        if (kind === 'payment' && summary.inserted > 0) paid = true;
      }
      // Payments settle promises at once, as after a payments file.
      if (paid) settlePromises(db, ctx.today, ctx.now);
      writeCursor(db, client.id, page.cursor);
      return true;
    })
    .immediate();
}
