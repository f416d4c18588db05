import type BetterSqlite3 from 'better-sqlite3';
import { rowSeal, sealKeyOf } from '../../audit/seal';

/**
 * Schema version 13: the audit chain anchored outside its own table (docs/security.md, "The audit log").
 * - audit_seals: the seal of each audit row (an HMAC of its hash under a key derived from the database key), kept
 *   beside audit_events, append-only like it. Rows written before this version are sealed by the data step.
 * - backup_manifest: in a backup, the audit chain's head when the backup was made, sealed; empty in a working store
 *   until it is restored from such a backup.
 */
export const sql = /* sql */ `
CREATE TABLE audit_seals (
  seq INTEGER PRIMARY KEY,
  mac TEXT NOT NULL
);
CREATE TRIGGER audit_seals_no_update BEFORE UPDATE ON audit_seals
BEGIN SELECT RAISE(ABORT, 'audit_seals is append-only'); END;
CREATE TRIGGER audit_seals_no_delete BEFORE DELETE ON audit_seals
BEGIN SELECT RAISE(ABORT, 'audit_seals is append-only'); END;

CREATE TABLE backup_manifest (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  created_at TEXT NOT NULL,
  audit_seq  INTEGER NOT NULL,
  audit_hash TEXT NOT NULL,
  mac        TEXT NOT NULL
);
`;

/** Seals the rows written before this version, with the key of the connection that migrates. */
export function data(db: BetterSqlite3.Database): void {
  const rows = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq').all() as { seq: number; hash: string }[];
  if (rows.length === 0) return;
  const key = sealKeyOf(db);
  const insert = db.prepare('INSERT INTO audit_seals (seq, mac) VALUES (?, ?)');
  for (const r of rows) insert.run(r.seq, rowSeal(key, r.seq, r.hash));
}
