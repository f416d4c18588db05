import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Db } from '../db/open';
import { seal, sealHolds } from './seal';

/**
 * Anchors: the audit chain's head (row number and hash) kept where deleting or rewriting the newest rows does not
 * reach it, each sealed with the audit seal key. `audit verify` checks the chain against every anchor it finds:
 * - the anchor file beside the database (DATA_DIR/collectdesk.db.anchor), brought up to date whenever a connection
 *   that wrote to the store closes, and moved with the database by a restore;
 * - the manifest of a backup (the backup_manifest row): the head when the latest backup was made from this store,
 *   travelling inside that backup, so a store restored from it is checked against it;
 * - the anchors that audit rows of backups and returns exports carry in their details (the head when they were made).
 */
export interface ChainHead {
  seq: number;
  hash: string;
}

export interface Anchor extends ChainHead {
  /** where it was found, in words for the report */
  source: string;
}

/** A sealed anchor that does not verify: it was altered, or belongs to another database. */
export interface BadAnchor {
  source: string;
  seq: number | null;
}

export function chainHead(db: Db): ChainHead | null {
  return (db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as ChainHead | undefined) ?? null;
}

export function anchorPath(databaseFile: string): string {
  return `${databaseFile}.anchor`;
}

const FILE_SOURCE = 'the anchor file beside the database';

interface AnchorFile extends ChainHead {
  at: string;
  mac: string;
}

function parseAnchorFile(text: string): AnchorFile | null {
  try {
    const v = JSON.parse(text) as Partial<AnchorFile>;
    if (typeof v.seq === 'number' && Number.isInteger(v.seq) && typeof v.hash === 'string' && typeof v.at === 'string' && typeof v.mac === 'string') {
      return { seq: v.seq, hash: v.hash, at: v.at, mac: v.mac };
    }
  } catch {
    // not JSON
  }
  return null;
}

/** The anchor file's anchor: null when there is none, a BadAnchor when it does not verify with `key`. */
export function readAnchorFile(databaseFile: string, key: Buffer): Anchor | BadAnchor | null {
  const path = anchorPath(databaseFile);
  if (!existsSync(path)) return null;
  const v = parseAnchorFile(readFileSync(path, 'utf8'));
  if (!v || !sealHolds(key, v.mac, 'anchor', v.seq, v.hash, v.at)) return { source: FILE_SOURCE, seq: v?.seq ?? null };
  return { source: FILE_SOURCE, seq: v.seq, hash: v.hash };
}

export function isAnchor(a: Anchor | BadAnchor | null): a is Anchor {
  return a !== null && 'hash' in a;
}

/**
 * Writes the store's head to the anchor file when it is ahead of what the file holds. A file that does not verify, or
 * whose row is no longer there as it was, is left as it is, for `audit verify` to report. Written to a temporary name and renamed: never half a file.
 */
export function refreshAnchorFile(db: Db, databaseFile: string, key: Buffer, at: string): void {
  const head = chainHead(db);
  if (!head) return;
  const current = readAnchorFile(databaseFile, key);
  if (current && (!isAnchor(current) || current.seq >= head.seq || !holdsRow(db, current))) return;
  const content: AnchorFile = { ...head, at, mac: seal(key, 'anchor', head.seq, head.hash, at) };
  const path = anchorPath(databaseFile);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(content)}\n`);
  renameSync(`${path}.tmp`, path);
}

/** Whether the row an anchor names is still there as it was (if not, the anchor is evidence and stays). */
function holdsRow(db: Db, anchor: ChainHead): boolean {
  return db.prepare('SELECT hash FROM audit_events WHERE seq = ?').pluck().get(anchor.seq) === anchor.hash;
}

const MANIFEST_SOURCE = 'the manifest of the latest backup';

/** Records the head in the backup manifest, just before the store is copied into a backup (which carries it). */
export function writeManifest(db: Db, key: Buffer, at: string): ChainHead | null {
  const head = chainHead(db);
  if (!head) return null;
  db.prepare('INSERT OR REPLACE INTO backup_manifest (id, created_at, audit_seq, audit_hash, mac) VALUES (1, ?, ?, ?, ?)').run(
    at, head.seq, head.hash, seal(key, 'manifest', head.seq, head.hash, at),
  );
  return head;
}

export function manifestAnchor(db: Db, key: Buffer): Anchor | BadAnchor | null {
  const m = db.prepare('SELECT created_at, audit_seq, audit_hash, mac FROM backup_manifest WHERE id = 1').get() as
    | { created_at: string; audit_seq: number; audit_hash: string; mac: string }
    | undefined;
  if (!m) return null;
  const source = `${MANIFEST_SOURCE} (${m.created_at})`;
  if (!sealHolds(key, m.mac, 'manifest', m.audit_seq, m.audit_hash, m.created_at)) return { source, seq: m.audit_seq };
  return { source, seq: m.audit_seq, hash: m.audit_hash };
}

/** The anchors that audit rows carry in their details (`anchor: {seq, hash}`): sealed with their rows. */
export function rowAnchors(db: Db): Anchor[] {
  const rows = db.prepare(`SELECT seq, action, details FROM audit_events WHERE details LIKE '%"anchor":{%' ORDER BY seq`).all() as { seq: number; action: string; details: string }[];
  const out: Anchor[] = [];
  for (const r of rows) {
    const anchor = (JSON.parse(r.details) as { anchor?: Partial<ChainHead> }).anchor;
    if (anchor && typeof anchor.seq === 'number' && typeof anchor.hash === 'string') out.push({ seq: anchor.seq, hash: anchor.hash, source: `row ${r.seq} (${r.action})` });
  }
  return out;
}
