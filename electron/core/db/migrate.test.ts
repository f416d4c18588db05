import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { openDatabase } from './open';
import { MIGRATIONS, type Migration } from './migrations/index';
import { migrationHash } from './migrate';

const PASS = 'correct horse battery staple';
const LATEST = MIGRATIONS.length;
const NEXT = LATEST + 1;
const DOMAIN_TABLES = [
  'activities', 'audit_events', 'batches', 'cases', 'clients', 'contact_persons', 'debtors', 'import_files', 'import_rejects',
  'outbox', 'payments', 'plans', 'promises', 'recalls', 'settings', 'sync_state', 'users',
];

describe('migrations', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  beforeEach(() => {
    tmp = makeTempDir();
    dataDir = join(tmp.dir, 'data');
  });
  afterEach(() => tmp.cleanup());

  const open = (migrations: readonly Migration[] = MIGRATIONS, create = false) =>
    openDatabase({ dataDir, secret: { passphrase: PASS }, create, migrations });

  it('creates the tables of the domain model and records each migration with its hash', async () => {
    const { db } = await open(MIGRATIONS, true);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining([...DOMAIN_TABLES, 'schema_migrations']));
    const applied = db.prepare('SELECT version, name, sha256 FROM schema_migrations').all();
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name, sha256: migrationHash(m) })));
    db.close();
  });

  it('gives the work queue and the search the indexes they need', async () => {
    const { db } = await open(MIGRATIONS, true);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT * FROM cases WHERE assigned_to = 'u' AND status = 'working' ORDER BY next_action_at")).toMatch(/USING INDEX cases_queue/);
    expect(plan("SELECT * FROM cases WHERE case_no = 'A1'")).toMatch(/USING INDEX cases_case_no/);
    expect(plan("SELECT * FROM debtors WHERE mobile = '13800138000'")).toMatch(/USING INDEX debtors_mobile/);
    expect(plan("SELECT * FROM debtors WHERE client_id = 'c' AND id_number = '1'")).toMatch(/USING INDEX debtors_id_number/);
    expect(plan("SELECT * FROM contact_persons WHERE phone = '1'")).toMatch(/USING INDEX contact_persons_phone/);
    expect(plan("SELECT count(*) FROM activities WHERE phone = '1' AND started_at >= 'a' AND started_at < 'b'")).toMatch(/USING (COVERING )?INDEX activities_phone/);
    expect(plan("SELECT id FROM cases WHERE assigned_to = 'u' ORDER BY balance_fen DESC LIMIT 50")).toMatch(/USING INDEX cases_assigned_balance/);
    expect(plan('SELECT id FROM cases ORDER BY balance_fen DESC LIMIT 50')).toMatch(/SCAN c?a?s?e?s? ?USING INDEX cases_balance|USING INDEX cases_balance/);
    db.close();
  });

  it('applies a later migration to an existing database, once', async () => {
    (await open(MIGRATIONS, true)).db.close();
    const next: Migration = { version: NEXT, name: `000${NEXT}-notes`, sql: 'CREATE TABLE case_notes (id TEXT PRIMARY KEY);' };
    const { db } = await open([...MIGRATIONS, next]);
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: NEXT });
    db.close();
    (await open([...MIGRATIONS, next])).db.close();
  });

  it('applies pending migrations in one transaction: a failing one leaves the database as it was', async () => {
    (await open(MIGRATIONS, true)).db.close();
    const good: Migration = { version: NEXT, name: 'good', sql: 'CREATE TABLE two (id TEXT);' };
    const bad: Migration = { version: NEXT + 1, name: 'bad', sql: 'CREATE TABLE three (id TEXT); INSERT INTO no_such_table VALUES (1);' };
    await expect(open([...MIGRATIONS, good, bad])).rejects.toThrow(/no_such_table/);
    const { db } = await open();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('two', 'three')").all()).toEqual([]);
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: LATEST });
    db.close();
  });

  it('refuses a database written by a newer version, with a clear message', async () => {
    const next: Migration = { version: NEXT, name: 'future', sql: 'CREATE TABLE future (id TEXT);' };
    (await open([...MIGRATIONS, next], true)).db.close();
    await expect(open(MIGRATIONS)).rejects.toMatchObject({
      code: 'schema_mismatch',
      message: `This database was written by a newer version of CollectDesk (schema version ${NEXT}; this version knows up to ${LATEST}). Install the newer version to open it.`,
    });
  });

  it('refuses a database whose applied migration was edited since', async () => {
    (await open(MIGRATIONS, true)).db.close();
    const edited = MIGRATIONS.map((m) => (m.version === 1 ? { ...m, sql: `${m.sql}\nCREATE TABLE sneaky (id TEXT);` } : m));
    await expect(open(edited)).rejects.toMatchObject({ code: 'schema_mismatch', message: expect.stringMatching(/0001-init .*edited after it was applied/) });
  });
});
