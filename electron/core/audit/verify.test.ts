import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeSync, copyFileSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PASSPHRASE, setupApp } from '../../../test/helpers/core';
import { runCliInProcess } from '../../../test/helpers/cli';
import { createBackup } from '../backup/backup';
import { restoreBackup } from '../backup/restore';
import { openDatabase, PAGE_SIZE, type Db } from '../db/open';
import { MIGRATIONS } from '../db/migrations/index';
import { dbFile } from '../db/paths';
import { anchorPath } from './anchors';
import { appendAudit, GENESIS_HASH, rowHash, type AuditRow } from './audit';
import { verifyAudit } from './verify';

const verifyCli = (dataDir: string) => runCliInProcess(['audit', 'verify', '--data', dataDir, '--json'], { COLLECTDESK_PASSPHRASE: PASSPHRASE });
const open = async (dataDir: string): Promise<Db> => (await openDatabase({ dataDir, secret: { passphrase: PASSPHRASE } })).db;

/** What someone with SQL access to the store (the database key) but not the seal key can do to the audit rows. */
function dropGuards(db: Db): void {
  for (const t of ['audit_events_no_update', 'audit_events_no_delete', 'audit_seals_no_delete']) db.exec(`DROP TRIGGER ${t}`);
}

function recomputePlainChain(db: Db, from: number): void {
  const rows = db.prepare('SELECT * FROM audit_events WHERE seq >= ? ORDER BY seq').all(from) as AuditRow[];
  let prev = (db.prepare('SELECT hash FROM audit_events WHERE seq = ?').pluck().get(from - 1) as string | undefined) ?? GENESIS_HASH;
  for (const r of rows) {
    const hash = rowHash({ ...r, prev_hash: prev });
    db.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
    prev = hash;
  }
}

describe('audit verify against anchors kept outside the table', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;
  let head: number;
  beforeEach(async () => {
    env = await setupApp();
    for (let i = 0; i < 6; i++) env.db.transaction(() => appendAudit(env.db, { actorId: 'u', via: 'cli', action: 'test.event', details: { i } }, `2026-11-2${i}T00:00:00.000Z`))();
    head = env.db.prepare('SELECT max(seq) FROM audit_events').pluck().get() as number;
    env.app.close(); // the head goes to the anchor file beside the database
  });
  afterEach(() => env.cleanup());

  it('names the first deleted row when the newest rows are deleted (with their seals, behind the triggers’ back)', async () => {
    expect((await verifyCli(env.dataDir)).json).toMatchObject({ ok: true, intact: true, events: head, anchors: [{ source: 'the anchor file beside the database', seq: head }] });
    const db = await open(env.dataDir);
    dropGuards(db);
    db.prepare('DELETE FROM audit_events WHERE seq > ?').run(head - 2);
    db.prepare('DELETE FROM audit_seals WHERE seq > ?').run(head - 2);
    db.close();
    const r = await verifyCli(env.dataDir);
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, intact: false, firstBrokenSeq: head - 1, error: { code: 'conflict', message: expect.stringContaining(`broken at row ${head - 1}: row ${head - 1} is missing: the anchor file beside the database names row ${head}`) } });
    // Appending after the deletion does not bury it: the rows that now carry those numbers are not the anchored ones.
    const again = await open(env.dataDir);
    for (let i = 0; i < 3; i++) again.transaction(() => appendAudit(again, { actorId: 'u', via: 'cli', action: 'test.later', details: { i } }, '2026-11-30T00:00:00.000Z'))();
    again.close();
    expect((await verifyCli(env.dataDir)).json).toMatchObject({ ok: false, firstBrokenSeq: head, error: { message: expect.stringMatching(/not the row the anchor file beside the database names/) } });
  });

  it('names the edited row when one is edited and the plain hash chain recomputed after it', async () => {
    const db = await open(env.dataDir);
    dropGuards(db);
    db.prepare(`UPDATE audit_events SET details = '{"i":99}' WHERE seq = 3`).run();
    recomputePlainChain(db, 3);
    // The plain chain holds again: only the seals (and the anchor) tell.
    expect(verifyAudit(db, {})).toMatchObject({ intact: false, firstBrokenSeq: 3, reason: expect.stringMatching(/seal does not match/) });
    db.close();
    const r = await verifyCli(env.dataDir);
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, firstBrokenSeq: 3, error: { message: expect.stringMatching(/broken at row 3: its seal does not match/) } });
  });

  it('refuses an anchor file that was altered', async () => {
    const file = anchorPath(dbFile(env.dataDir));
    const anchor = JSON.parse(readFileSync(file, 'utf8')) as { seq: number };
    writeFileSync(file, JSON.stringify({ ...anchor, seq: anchor.seq - 2 }));
    expect((await verifyCli(env.dataDir)).json).toMatchObject({ ok: false, firstBrokenSeq: head - 2, error: { message: expect.stringMatching(/anchor file beside the database is not sealed with this database's key/) } });
  });

  it('checks a restored backup against the manifest it carries, even with no anchor file beside it', async () => {
    const db = await open(env.dataDir);
    const actor = { id: (db.prepare("SELECT id FROM users WHERE role = 'admin'").pluck().get() as string), role: 'admin' as const, via: 'cli' as const };
    const backup = join(env.dataDir, '..', 'b.cdbackup');
    await createBackup(db, actor, backup, '2026-11-28T00:00:00.000Z');
    db.close();
    const target = join(env.dataDir, '..', 'restored');
    await restoreBackup(backup, target, PASSPHRASE);
    rmSync(anchorPath(dbFile(target)));
    const restored = await open(target);
    dropGuards(restored);
    restored.prepare('DELETE FROM audit_events WHERE seq > ?').run(head - 1);
    restored.prepare('DELETE FROM audit_seals WHERE seq > ?').run(head - 1);
    expect(verifyAudit(restored, { databaseFile: dbFile(target) })).toMatchObject({ intact: false, firstBrokenSeq: head, reason: expect.stringMatching(/manifest of the latest backup .* names row/) });
    restored.close();
  });

  it('tells a damaged first page from a wrong passphrase by the anchor file beside the database', async () => {
    const file = dbFile(env.dataDir);
    copyFileSync(file, `${file}.intact`);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(64, 0x5a), 0, 64, 1000);
    closeSync(fd);
    expect(1000).toBeLessThan(PAGE_SIZE);
    await expect(open(env.dataDir)).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(/passphrase is right/) });
    await expect(openDatabase({ dataDir: env.dataDir, secret: { passphrase: 'not the passphrase' } })).rejects.toMatchObject({ code: 'wrong_passphrase' });
  });
});

describe('migration 13 (audit seals)', () => {
  it('seals the rows a store already had, so its chain verifies with seals from then on', async () => {
    const env = await setupApp();
    try {
      env.app.close();
      // A store as version 12 left it: rows chained, no seals.
      const dir = join(env.dataDir, '..', 'v12');
      const { db: old } = await openDatabase({ dataDir: dir, secret: { passphrase: PASSPHRASE }, create: true, migrations: MIGRATIONS.filter((m) => m.version <= 12) });
      let prev = GENESIS_HASH;
      for (let seq = 1; seq <= 4; seq++) {
        const row = { seq, id: `e${seq}`, at: '2026-11-20T00:00:00.000Z', actor_id: null, via: 'cli', action: 'test.old', entity: null, entity_id: null, details: '{}', prev_hash: prev };
        const hash = rowHash(row);
        old.prepare('INSERT INTO audit_events (seq, id, at, actor_id, via, action, entity, entity_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          ...Object.values(row), hash,
        );
        prev = hash;
      }
      old.close();
      const db = await open(dir);
      expect(db.prepare('SELECT count(*) FROM audit_seals').pluck().get()).toBe(4);
      expect(verifyAudit(db)).toMatchObject({ intact: true, events: 4 });
      db.close();
    } finally {
      env.cleanup();
    }
  });
});
