import type { Db } from '../db/open';

/** The tables a placement fills, and the indexes its own lookups need while it runs (a debtor by ID number, a debtor's phones). */
const TABLES = ['cases', 'debtors', 'contact_persons'] as const;
const KEPT = new Set(['debtors_id_number_any', 'contact_persons_debtor']);
/** A file row takes fewer bytes than this in any bank's layout: file bytes / this is a floor for its rows. */
const MAX_ROW_BYTES = 1000;

interface IndexDef {
  name: string;
  sql: string;
}

/**
 * Inside the import's transaction: when the file holds more rows than the tables already do, drops their secondary
 * indexes and returns the step that builds them again (run it before COMMIT). Building an index over sorted keys
 * once costs far less than a random insert into each of ~11 indexes per case, debtor and contact (measured on 100k
 * cases into an empty store: ~0.8 s less). A store that already holds more cases than the file keeps its indexes:
 * rebuilding them would cost more than it saves. Index definitions come from the schema itself, so the rebuilt
 * indexes are the migrations' own; a rollback or a kill brings the dropped ones back with everything else.
 */
export function deferIndexes(db: Db, fileBytes: number): () => void {
  if (!db.inTransaction) throw new Error('deferIndexes runs inside the import transaction.');
  const held = db.prepare('SELECT coalesce(max(rowid), 0) FROM cases').pluck().get() as number;
  if (held >= fileBytes / MAX_ROW_BYTES) return () => undefined;
  const defs = (
    db
      .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${TABLES.map(() => '?').join(', ')}) ORDER BY name`)
      .all(...TABLES) as IndexDef[]
  ).filter((d) => !KEPT.has(d.name));
  for (const d of defs) db.exec(`DROP INDEX "${d.name}"`);
  return () => {
    for (const d of defs) db.exec(d.sql);
  };
}
