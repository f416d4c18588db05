import type { Db } from '../db/open';
import { GENESIS_HASH, rowHash, type AuditRow } from './audit';
import { isAnchor, manifestAnchor, readAnchorFile, rowAnchors, type Anchor } from './anchors';
import { sealHolds, sealKeyOf } from './seal';

export interface ChainCheck {
  intact: boolean;
  events: number;
  firstBrokenSeq: number | null;
  reason: string | null;
  /** the anchors the chain was checked against: where each was found, and the row it names */
  anchors: { source: string; seq: number }[];
}

export interface VerifyOptions {
  /** the database file, whose anchor file beside it is checked too */
  databaseFile?: string;
}

/**
 * Walks the chain from the first row and names the first row that does not hold: a missing row, a broken link, a
 * content that does not match its hash, a seal that does not match (a row rewritten, and the chain recomputed after
 * it, by someone without the seal key), or a row an anchor names that is gone or different (the newest rows deleted).
 */
export function verifyAudit(db: Db, opts: VerifyOptions = {}): ChainCheck {
  const key = sealKeyOf(db);
  const found = [opts.databaseFile ? readAnchorFile(opts.databaseFile, key) : null, manifestAnchor(db, key)].filter((a) => a !== null);
  const anchors: Anchor[] = [...found.filter(isAnchor), ...rowAnchors(db)];
  const listed = anchors.map((a) => ({ source: a.source, seq: a.seq }));
  let events = 0;
  const result = (firstBrokenSeq: number | null, reason: string | null): ChainCheck => ({ intact: reason === null, events, firstBrokenSeq, reason, anchors: listed });

  const bad = found.find((a) => !isAnchor(a));
  if (bad) return result(bad.seq, `${bad.source} is not sealed with this database's key: it was altered, or it belongs to another database`);

  const bySeq = new Map<number, Anchor[]>();
  for (const a of anchors) bySeq.set(a.seq, [...(bySeq.get(a.seq) ?? []), a]);
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  const rows = db.prepare('SELECT e.*, s.mac FROM audit_events e LEFT JOIN audit_seals s ON s.seq = e.seq ORDER BY e.seq').iterate() as IterableIterator<AuditRow & { mac: string | null }>;
  for (const r of rows) {
    events++;
    if (r.seq !== expectedSeq) return result(r.seq, `row ${expectedSeq} is missing`);
    if (r.prev_hash !== prev) return result(r.seq, 'its link to the previous row does not match');
    if (rowHash(r) !== r.hash) return result(r.seq, 'its content does not match its hash');
    if (!sealHolds(key, r.mac, 'row', r.seq, r.hash)) {
      return result(r.seq, r.mac ? 'its seal does not match: it was rewritten (and the chain recomputed after it) without the database key' : 'it has no seal');
    }
    const differs = bySeq.get(r.seq)?.find((a) => a.hash !== r.hash);
    if (differs) return result(r.seq, `it is not the row ${differs.source} names: it was rewritten`);
    prev = r.hash;
    expectedSeq++;
  }
  const beyond = anchors.filter((a) => a.seq >= expectedSeq).sort((a, b) => b.seq - a.seq)[0];
  if (beyond) return result(expectedSeq, `row ${expectedSeq} is missing: ${beyond.source} names row ${beyond.seq} (the newest rows were deleted)`);
  return result(null, null);
}
