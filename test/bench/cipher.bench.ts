// Cipher and key-derivation cost on this machine: the figures behind the store's choice (sqlcipher 4 pages, raw scrypt key).
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, scryptSync } from 'node:crypto';

type Variant = { name: string; pragmas: string[] };
const rawKey = randomBytes(32).toString('hex');
const variants: Variant[] = [
  { name: 'plain', pragmas: [] },
  { name: 'aes256cbc raw', pragmas: [`cipher='aes256cbc'`, `key="x'${rawKey}'"`] },
  { name: 'chacha20 raw', pragmas: [`cipher='chacha20'`, `key="x'${rawKey}'"`] },
  { name: 'sqlcipher4 raw', pragmas: [`cipher='sqlcipher'`, `legacy=4`, `key="x'${rawKey}'"`] },
  { name: 'sqlcipher4 passphrase (PBKDF2 256k)', pragmas: [`cipher='sqlcipher'`, `legacy=4`, `key='correct horse battery'`] },
];
const dir = mkdtempSync(join(tmpdir(), 'cd-cipher-'));
const rows = Number(process.env.BENCH_ROWS ?? 400_000);
for (const v of variants) {
  const file = join(dir, v.name.replace(/\W+/g, '_') + '.db');
  let db = new Database(file);
  for (const p of v.pragmas) db.pragma(p);
  db.pragma('journal_mode=WAL');
  db.exec('CREATE TABLE t(id INTEGER PRIMARY KEY, case_no TEXT, name TEXT, phone TEXT, amount INTEGER)');
  const ins = db.prepare('INSERT INTO t(case_no,name,phone,amount) VALUES (?,?,?,?)');
  let t = performance.now();
  db.transaction(() => { for (let i = 0; i < rows; i++) ins.run('A' + i, '张三' + i, '138' + String(i).padStart(8, '0'), i * 100); })();
  const insertMs = performance.now() - t;
  db.close();
  t = performance.now();
  db = new Database(file);
  for (const p of v.pragmas) db.pragma(p);
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  const openMs = performance.now() - t;
  t = performance.now();
  db.prepare('SELECT sum(amount) FROM t').get();
  const scanMs = performance.now() - t;
  db.close();
  console.log(`${v.name.padEnd(38)} insert ${rows}: ${insertMs.toFixed(0)} ms  open+first read: ${openMs.toFixed(1)} ms  full scan: ${scanMs.toFixed(0)} ms`);
}
for (const N of [1 << 14, 1 << 15, 1 << 16, 1 << 17]) {
  const t = performance.now();
  scryptSync('correct horse battery', randomBytes(16), 32, { N, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  console.log(`scrypt N=${N} r=8 p=1: ${(performance.now() - t).toFixed(0)} ms`);
}
rmSync(dir, { recursive: true, force: true });
