import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ADMIN, PASSPHRASE, setupApp, value } from '../../../test/helpers/core';
import { seedCases } from '../../../test/helpers/seed';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { CoreApp } from './core-app';

describe('CoreApp: first run, unlock, lock', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (tmp = makeTempDir()));
  afterEach(() => tmp.cleanup());

  it('goes new → open (admin signed in) → locked → open, and a wrong passphrase says so', async () => {
    const dataDir = join(tmp.dir, 'data');
    const app = new CoreApp({ dataDir, via: 'web' });
    expect(value(await app.dispatch('app.status', {}))).toMatchObject({ state: 'new', user: null, dataDir });
    const admin = value(await app.dispatch('app.setup', { passphrase: PASSPHRASE, adminName: 'boss', adminDisplayName: '老板', adminPassword: 'boss-password' }));
    expect(value(await app.dispatch('app.status', {}))).toMatchObject({ state: 'open', user: admin });
    expect(value(await app.dispatch('app.lock', {}))).toMatchObject({ state: 'locked', user: null });
    expect(await app.dispatch('users.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await app.dispatch('app.unlock', { passphrase: 'wrong wrong wrong' })).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    expect(value(await app.dispatch('app.unlock', { passphrase: PASSPHRASE }))).toMatchObject({ state: 'open', user: null });
    expect(await app.dispatch('users.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    app.close();
  });

  it('refuses a second setup on a data folder that has a database', async () => {
    const dataDir = join(tmp.dir, 'data');
    const app = new CoreApp({ dataDir, via: 'ui' });
    value(await app.dispatch('app.setup', { passphrase: PASSPHRASE, adminName: 'boss', adminDisplayName: 'b', adminPassword: 'boss-password' }));
    app.close();
    const again = new CoreApp({ dataDir, via: 'ui' });
    expect(await again.dispatch('app.setup', { passphrase: PASSPHRASE, adminName: 'x', adminDisplayName: 'x', adminPassword: 'xxxxxxxx' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('CoreApp.dispatch: the one door both transports use', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;
  beforeEach(async () => (env = await setupApp()));
  afterEach(() => env.cleanup());

  it('parses every input with the contract and names the bad field', async () => {
    const r = await env.app.dispatch('users.add', { name: 'a b', displayName: 'x', role: 'boss', password: 'short' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const fields = (r as unknown as { error: { details: { issues: { field: string }[] } } }).error.details.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'role', 'password']));
    expect(await env.app.dispatch('users.list', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers an unknown method with not_found, and an unexpected failure without its stack', async () => {
    expect(await env.app.dispatch('users.drop', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    env.db.exec('ALTER TABLE users RENAME TO users_gone'); // a real SQLite error inside the call
    const r = await env.app.dispatch('users.list', {});
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: expect.not.stringMatching(/at |\.ts|SQLITE/) } });
  });
});

describe('a collector only ever reaches their own cases', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;
  let zhang: string;
  let li: string;
  beforeEach(async () => {
    env = await setupApp();
    zhang = value(await env.app.dispatch('users.add', { name: 'zhang', displayName: '张三', role: 'collector', password: 'collector-pass' })).id;
    li = value(await env.app.dispatch('users.add', { name: 'li', displayName: '李四', role: 'collector', password: 'collector-pass' })).id;
    value(await env.app.dispatch('users.add', { name: 'wang', displayName: '王组长', role: 'lead', password: 'lead-password' }));
    const admin = value(await env.app.dispatch('app.status', {})).user!;
    seedCases(env.db, admin.id, [
      { caseNo: 'A1', debtorName: '赵一', balanceFen: 100_00, assignedTo: zhang },
      { caseNo: 'A2', debtorName: '钱二', balanceFen: 200_00, assignedTo: zhang },
      { caseNo: 'A3', debtorName: '孙三', balanceFen: 300_00, assignedTo: li },
      { caseNo: 'A4', debtorName: '周四', balanceFen: 400_00, assignedTo: null },
    ]);
    await env.app.dispatch('auth.signOut', {});
  });
  afterEach(() => env.cleanup());

  const as = async (name: string, password: string) => value(await env.app.dispatch('auth.signIn', { name, password }));
  const caseNos = async (search?: string) => value(await env.app.dispatch('cases.list', { search })).rows.map((r) => r.caseNo);

  it('lists only the collector’s own cases, whatever they search for', async () => {
    await as('zhang', 'collector-pass');
    expect(await caseNos()).toEqual(['A2', 'A1']);
    expect(await caseNos('A3')).toEqual([]);
    expect(await caseNos('孙')).toEqual([]);
    expect(value(await env.app.dispatch('cases.list', {})).total).toBe(2);
  });

  it('lets a lead and an admin see every case', async () => {
    await as('wang', 'lead-password');
    expect(await caseNos()).toEqual(['A4', 'A3', 'A2', 'A1']);
    await env.app.dispatch('auth.signOut', {});
    await as(ADMIN.name, ADMIN.password);
    expect(await caseNos('A3')).toEqual(['A3']);
  });

  it('cuts off a collector disabled while signed in', async () => {
    await as('zhang', 'collector-pass');
    env.db.prepare("UPDATE users SET disabled_at = '2026-11-23T00:00:00Z' WHERE id = ?").run(zhang);
    expect(await env.app.dispatch('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
