import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, PASSPHRASE, setupApp, value } from '../../../test/helpers/core';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { CoreApp } from './core-app';

const ZHANG = { name: 'zhang', displayName: '张三', role: 'collector', password: 'zhang-password' } as const;
const LI = { name: 'li', displayName: '李四', role: 'collector', password: 'li-password-1' } as const;

async function userNames(app: CoreApp): Promise<string[]> {
  return value(await app.dispatch('users.list', {})).map((u) => u.name).sort();
}

/** What the data folder holds (the open database's -wal and -shm aside). */
function dataFiles(dataDir: string): string[] {
  return readdirSync(dataDir)
    .filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))
    .sort();
}

describe('Admin → Data → Restore (backup.restore)', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;
  beforeEach(async () => {
    env = await setupApp();
    value(await env.app.dispatch('users.add', ZHANG));
  });
  afterEach(() => env.cleanup());

  it('puts the backup back: a safety backup first, then the old data, audited in the restored database, nobody signed in', async () => {
    const made = value(await env.app.dispatch('backup.create', {}));
    const name = made.file.split(/[\\/]/).pop() as string;
    value(await env.app.dispatch('users.add', LI));
    expect(await userNames(env.app)).toEqual(['admin', 'li', 'zhang']);

    const status = value(await env.app.dispatch('backup.restore', { name, passphrase: PASSPHRASE }));
    expect(status).toMatchObject({ state: 'open', user: null });
    expect(await env.app.dispatch('users.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    value(await env.app.dispatch('auth.signIn', { name: ADMIN.name, password: ADMIN.password }));
    expect(await userNames(env.app)).toEqual(['admin', 'zhang']);

    // The safety backup holds what was replaced, li included.
    const backups = value(await env.app.dispatch('backup.list', {}));
    const safety = backups.find((b) => b.name.includes('before-restore'));
    expect(backups).toHaveLength(2);
    expect(safety?.name).toMatch(/^collectdesk-\d{4}-\d{2}-\d{2}-\d{4}-before-restore(-\d+)?\.cdbackup$/);

    const db = env.app.database;
    if (!db) throw new Error('not open');
    const audit = db.prepare("SELECT actor_id AS actorId, details FROM audit_events WHERE action = 'backup.restore'").all() as { actorId: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({ file: name, sha256: made.sha256, safetyBackup: safety?.name });
    expect(value(await env.app.dispatch('audit.verify', {}))).toMatchObject({ intact: true });
    expect(dataFiles(env.dataDir).filter((f) => f.startsWith('.'))).toEqual([]);

    // And the safety backup restores the state before: li is back.
    value(await env.app.dispatch('backup.restore', { name: safety?.name ?? '', passphrase: PASSPHRASE }));
    value(await env.app.dispatch('auth.signIn', { name: ADMIN.name, password: ADMIN.password }));
    expect(await userNames(env.app)).toEqual(['admin', 'li', 'zhang']);
  });

  it('a wrong passphrase changes nothing: no safety backup, the same database, still signed in', async () => {
    const { file } = value(await env.app.dispatch('backup.create', {}));
    const name = file.split(/[\\/]/).pop() as string;
    value(await env.app.dispatch('users.add', LI));
    const before = dataFiles(env.dataDir);
    const r = await env.app.dispatch('backup.restore', { name, passphrase: 'not the passphrase' });
    expect(r).toMatchObject({ ok: false, error: { code: 'wrong_passphrase', details: { field: 'passphrase' } } });
    expect(value(await env.app.dispatch('app.status', {}))).toMatchObject({ state: 'open', user: { name: ADMIN.name } });
    expect(await userNames(env.app)).toEqual(['admin', 'li', 'zhang']);
    expect(value(await env.app.dispatch('backup.list', {}))).toHaveLength(1);
    expect(dataFiles(env.dataDir)).toEqual(before);
  });

  it('takes only the bare name of a listed backup: a path outside the data folder is refused', async () => {
    value(await env.app.dispatch('backup.create', {}));
    for (const name of ['../collectdesk.db', '../backups/../collectdesk.db', '/etc/passwd', join(env.dataDir, 'collectdesk.db'), '..\\collectdesk.db', 'sub/x.cdbackup', '..', '.']) {
      const r = await env.app.dispatch('backup.restore', { name, passphrase: PASSPHRASE });
      expect(r, name).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/outside the data folder/) } });
    }
    expect(await env.app.dispatch('backup.restore', { name: 'collectdesk-19990101-000000.cdbackup', passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await env.app.dispatch('backup.restore', { name: 'notes.txt', passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(value(await env.app.dispatch('app.status', {}))).toMatchObject({ state: 'open', user: { name: ADMIN.name } });
  });

  it('is for admins only', async () => {
    value(await env.app.dispatch('users.add', { name: 'lead1', displayName: '组长', role: 'lead', password: 'lead-password' }));
    const { file } = value(await env.app.dispatch('backup.create', {}));
    value(await env.app.dispatch('auth.signIn', { name: 'lead1', password: 'lead-password' }));
    const r = await env.app.dispatch('backup.restore', { name: file.split(/[\\/]/).pop() as string, passphrase: PASSPHRASE });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('restores a backup made with another passphrase: that passphrase opens the database from then on, and the new key is handed to the keychain', async () => {
    const tmp = makeTempDir();
    const keys: Buffer[] = [];
    const other = new CoreApp({ dataDir: join(tmp.dir, 'other'), via: 'ui' });
    try {
      value(await other.dispatch('app.setup', { passphrase: 'another long passphrase', adminName: 'boss', adminDisplayName: '老板', adminPassword: 'boss-password' }));
      const { file } = value(await other.dispatch('backup.create', {}));
      mkdirSync(join(env.dataDir, 'backups'));
      copyFileSync(file, join(env.dataDir, 'backups', 'from-other.cdbackup'));
      const app = new CoreApp({ dataDir: env.dataDir, via: 'ui', onKey: (k) => keys.push(k) });
      env.app.close();
      value(await app.dispatch('app.unlock', { passphrase: PASSPHRASE }));
      value(await app.dispatch('auth.signIn', { name: ADMIN.name, password: ADMIN.password }));
      expect(await app.dispatch('backup.restore', { name: 'from-other.cdbackup', passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
      value(await app.dispatch('backup.restore', { name: 'from-other.cdbackup', passphrase: 'another long passphrase' }));
      expect(keys).toHaveLength(2);
      expect(keys[1]?.equals(keys[0] as Buffer)).toBe(false);
      value(await app.dispatch('auth.signIn', { name: 'boss', password: 'boss-password' }));
      expect(await userNames(app)).toEqual(['boss']);
      value(await app.dispatch('app.lock', {}));
      expect(await app.dispatch('app.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
      value(await app.dispatch('app.unlock', { passphrase: 'another long passphrase' }));
      app.close();
    } finally {
      other.close();
      tmp.cleanup();
    }
  });
});

describe('first run: restore a backup instead of creating a database (app.restore)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let backup: string;
  beforeEach(async () => {
    tmp = makeTempDir();
    const source = new CoreApp({ dataDir: join(tmp.dir, 'source'), via: 'ui' });
    value(await source.dispatch('app.setup', { passphrase: PASSPHRASE, adminName: ADMIN.name, adminDisplayName: ADMIN.displayName, adminPassword: ADMIN.password }));
    value(await source.dispatch('users.add', ZHANG));
    backup = join(tmp.dir, 'nightly.cdbackup');
    copyFileSync(value(await source.dispatch('backup.create', {})).file, backup);
    source.close();
  });
  afterEach(() => tmp.cleanup());

  it('stages the chosen file without a database, refuses a wrong passphrase leaving no database, then restores and asks for sign-in', async () => {
    const dataDir = join(tmp.dir, 'new');
    const app = new CoreApp({ dataDir, via: 'web' });
    try {
      const staged = await app.stageLocalFile(backup);
      expect(staged).toMatchObject({ name: 'nightly.cdbackup' });
      expect(await app.dispatch('app.restore', { fileRef: staged.fileRef, passphrase: 'wrong passphrase!' })).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
      expect(value(await app.dispatch('app.status', {}))).toMatchObject({ state: 'new' });
      expect(existsSync(join(dataDir, 'collectdesk.db'))).toBe(false);
      expect(dataFiles(dataDir)).toEqual(['staging']);

      // The staged file stays for another try.
      expect(value(await app.dispatch('app.restore', { fileRef: staged.fileRef, passphrase: PASSPHRASE }))).toMatchObject({ state: 'open', user: null });
      expect(dataFiles(dataDir)).toEqual(['collectdesk.db', 'collectdesk.db.anchor', 'staging']);
      expect(readdirSync(join(dataDir, 'staging'))).toEqual([]);
      value(await app.dispatch('auth.signIn', { name: ADMIN.name, password: ADMIN.password }));
      expect(await userNames(app)).toEqual(['admin', 'zhang']);

      // Only once, and only on first run: with a database, staging is again for signed-in leads.
      expect(await app.dispatch('app.restore', { fileRef: staged.fileRef, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      app.signOut();
      await expect(app.stageLocalFile(backup)).rejects.toMatchObject({ code: 'unauthenticated' });
    } finally {
      app.close();
    }
  });

  it('refuses an unknown or malformed file ref, and a file that is no backup', async () => {
    const dataDir = join(tmp.dir, 'new');
    const app = new CoreApp({ dataDir, via: 'web' });
    try {
      expect(await app.dispatch('app.restore', { fileRef: '../../source/collectdesk.db', passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const notBackup = await app.stageUpload('notes.cdbackup', (async function* () {
        yield Buffer.from('just some text, not a database at all '.repeat(200));
      })());
      expect(await app.dispatch('app.restore', { fileRef: notBackup.fileRef, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
      expect(value(await app.dispatch('app.status', {}))).toMatchObject({ state: 'new' });
    } finally {
      app.close();
    }
  });
});
