import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { CoreError } from '../errors';
import type { Migration } from './migrations/index';

export function migrationHash(m: Migration): string {
  return createHash('sha256').update(m.sql.replace(/\r\n/g, '\n')).digest('hex');
}

interface AppliedRow {
  version: number;
  name: string;
  sha256: string;
}

/**
 * Applies the pending migrations in one transaction, each recorded with its hash.
 * Refuses a database from a newer version and a database whose applied migration differs from ours.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], now: string): { applied: number[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  const known = new Map(migrations.map((m) => [m.version, m]));
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  for (const row of applied) {
    if (row.version > latest) {
      throw new CoreError(
        'schema_mismatch',
        `This database was written by a newer version of CollectDesk (schema version ${row.version}; this version knows up to ${latest}). Install the newer version to open it.`,
        { databaseVersion: row.version, knownVersion: latest },
      );
    }
    const mine = known.get(row.version);
    if (!mine || migrationHash(mine) !== row.sha256) {
      throw new CoreError(
        'schema_mismatch',
        `Migration ${row.name} in this database does not match the one this version ships (it was edited after it was applied). The database was not changed.`,
        { migration: row.name },
      );
    }
  }
  const done = new Set(applied.map((r) => r.version));
  const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => !done.has(m.version));
  if (pending.length === 0) return { applied: [] };
  const record = db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      m.data?.(db);
      record.run(m.version, m.name, migrationHash(m), now);
    }
  })();
  return { applied: pending.map((m) => m.version) };
}
