// The least time any placement import into this store can take: the rows an import of the file wrote (debtors, cases,
// contacts), already in memory, inserted into a fresh encrypted store with nothing else to do (no file to read, no
// mapping, no secondary index, no foreign-key check, no trigger), plus a bare Node start and the key derivation every
// command pays. Measured twice: in the store's own layout (UUIDv7 text keys, DESIGN.md "The store"), and with the same
// rows keyed by integers, the cheapest layout a store-format change could reach.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { deriveKey, newSalt } from '../../electron/core/db/key';
import { openDatabase, type Db } from '../../electron/core/db/open';

const TABLES = ['debtors', 'cases', 'contact_persons'] as const;
type Table = (typeof TABLES)[number];

interface TableRows {
  columns: string[];
  rows: unknown[][];
}

export interface StoreFloor {
  rows: number;
  nodeStart: number;
  kdf: number;
  textKeys: number;
  integerKeys: number;
}

const isKey = (column: string): boolean => column === 'id' || column.endsWith('_id') || column === 'created_by' || column === 'assigned_to';

function readRows(db: Db): Record<Table, TableRows> {
  const out = {} as Record<Table, TableRows>;
  for (const t of TABLES) {
    const st = db.prepare(`SELECT * FROM ${t}`).raw();
    out[t] = { columns: st.columns().map((c) => c.name), rows: st.all() as unknown[][] };
  }
  return out;
}

/** Rows per INSERT statement, as the import writes them (placement-writer.ts): one statement per row costs far more. */
const PER_STATEMENT = 256;

/** Inserts every row in one transaction, COMMIT included: seconds. */
function insertAll(db: Db, data: Record<Table, TableRows>): number {
  db.pragma('foreign_keys = OFF');
  db.pragma('journal_mode = DELETE');
  const t = performance.now();
  db.transaction(() => {
    for (const table of TABLES) {
      const { columns, rows } = data[table];
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      const insert = (n: number) => db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: n }, () => tuple).join(', ')}`);
      const full = insert(PER_STATEMENT);
      let i = 0;
      for (; i + PER_STATEMENT <= rows.length; i += PER_STATEMENT) full.run(rows.slice(i, i + PER_STATEMENT).flat());
      if (i < rows.length) insert(rows.length - i).run(rows.slice(i).flat());
    }
  })();
  return (performance.now() - t) / 1000;
}

/** A fresh store with the migrations' schema, less every secondary index and trigger on the three tables. */
async function bareStore(dir: string, passphrase: string): Promise<Db> {
  const { db } = await openDatabase({ dataDir: dir, secret: { passphrase }, create: true });
  const list = TABLES.map(() => '?').join(', ');
  const drop = db.prepare(`SELECT type, name FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (${list})`).all(...TABLES) as { type: string; name: string }[];
  for (const d of drop) db.exec(`DROP ${d.type.toUpperCase()} "${d.name}"`);
  return db;
}

/** The same columns with integer keys: `id INTEGER PRIMARY KEY`, every reference an integer; a case number stays unique per client. */
async function integerStore(dir: string, passphrase: string, data: Record<Table, TableRows>): Promise<Db> {
  const { db } = await openDatabase({ dataDir: dir, secret: { passphrase }, create: true, migrations: [] });
  for (const t of TABLES) {
    const cols = data[t].columns.map((c) => (c === 'id' ? 'id INTEGER PRIMARY KEY' : isKey(c) ? `${c} INTEGER` : c));
    if (t === 'cases') cols.push('UNIQUE (client_id, case_no)');
    db.exec(`CREATE TABLE ${t} (${cols.join(', ')})`);
  }
  return db;
}

function withIntegerKeys(data: Record<Table, TableRows>): Record<Table, TableRows> {
  const ids = new Map<string, number>();
  const toInt = (v: unknown): unknown => {
    if (typeof v !== 'string') return v;
    let n = ids.get(v);
    if (n === undefined) ids.set(v, (n = ids.size + 1));
    return n;
  };
  const out = {} as Record<Table, TableRows>;
  for (const t of TABLES) {
    const keyAt = data[t].columns.map(isKey);
    out[t] = { columns: data[t].columns, rows: data[t].rows.map((r) => r.map((v, i) => (keyAt[i] ? toInt(v) : v))) };
  }
  return out;
}

function nodeStart(node: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    spawnSync(node, ['-e', '']);
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

/** Measures the floor from the rows of the store in `storeDir` (which an import filled), working in `workDir`. */
export async function measureStoreFloor(storeDir: string, workDir: string, passphrase: string, node: string): Promise<StoreFloor> {
  const source = (await openDatabase({ dataDir: storeDir, secret: { passphrase } })).db;
  const data = readRows(source);
  source.close();
  const t = performance.now();
  await deriveKey(passphrase, newSalt());
  const kdf = (performance.now() - t) / 1000;
  const text = await bareStore(join(workDir, 'floor-text'), passphrase);
  const textKeys = insertAll(text, data);
  text.close();
  const intData = withIntegerKeys(data);
  const int = await integerStore(join(workDir, 'floor-int'), passphrase, intData);
  const integerKeys = insertAll(int, intData);
  int.close();
  const rows = TABLES.reduce((n, t) => n + data[t].rows.length, 0);
  return { rows, nodeStart: nodeStart(node), kdf, textKeys, integerKeys };
}
