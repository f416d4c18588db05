// The screens' contract methods of the agency hub, through CoreApp.dispatch as both transports call it, against a
// real hub in-process: an admin connects this store, enrolls a collector's station; a second app on an empty data
// folder joins with the code (the refused joins leave no database); the collector signs in there with his own
// password; the admin lists and revokes; the lead sees each collector's last sync and the handovers pending.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreApp } from '../../electron/core/app/core-app';
import { newSession, type Session } from '../../electron/core/app/sessions';
import { assignSelection } from '../../electron/core/assignment/assign-filter';
import type { Db } from '../../electron/core/db/open';
import { syncOnce } from '../../electron/core/hub/sync';
import { formatEnrollmentCode, newEnrollmentCode } from '../../shared/replication/enrollment-code';
import { ADMIN, PASSPHRASE, setupApp, value } from '../helpers/core';
import { ROOT } from '../helpers/cli';
import { seedCases } from '../helpers/seed';
import { makeTempDir } from '../helpers/temp-dir';
import { startTestHub, type TestHub } from './harness';

const tmp = makeTempDir('station-handlers-');
let hub: TestHub;
let admin: Awaited<ReturnType<typeof setupApp>>;
let zhang = '';
let li = '';
const ZHANG = { name: 'zhang', displayName: '张伟', password: 'zhang-password-1' };
const LEAD = { name: 'wang', displayName: '王组长', password: 'wang-password-1' };
const station = new CoreApp({ dataDir: join(tmp.dir, 'zhang-pc'), via: 'web', logError: (m, e) => console.error(m, e) });
const target = () => ({ hubUrl: hub.url, fingerprint: hub.fingerprint });

async function signedIn(app: CoreApp, who: { name: string; password: string }): Promise<Session> {
  const s = newSession();
  value(await app.dispatch('auth.signIn', { name: who.name, password: who.password }, s));
  return s;
}

beforeAll(async () => {
  hub = await startTestHub('sqlite');
  admin = await setupApp();
  zhang = value(await admin.app.dispatch('users.add', { ...ZHANG, role: 'collector' })).id;
  li = value(await admin.app.dispatch('users.add', { name: 'li', displayName: '李娜', password: 'li-password-1', role: 'collector' })).id;
  value(await admin.app.dispatch('users.add', { ...LEAD, role: 'lead' }));
  value(await admin.app.dispatch('users.update', { userId: zhang, staffNo: 'A-007' }));
  seedCases(admin.db, value(await admin.app.dispatch('app.status', {})).user?.id ?? '', [
    { caseNo: 'HB-1', debtorName: '赵一', balanceFen: 100_000, assignedTo: zhang },
    { caseNo: 'HB-2', debtorName: '钱二', balanceFen: 200_000, assignedTo: zhang },
    { caseNo: 'HB-3', debtorName: '孙三', balanceFen: 300_000, assignedTo: li },
  ]);
  // a real profile, as `client add` stores it (the joined station reads it when its store opens)
  admin.db.prepare(`UPDATE clients SET profile_json = ?`).run(readFileSync(join(ROOT, 'resources/profiles/bank-a.json'), 'utf8'));
}, 60_000);

afterAll(async () => {
  station.close();
  admin?.cleanup();
  await hub?.close().catch(() => undefined);
  tmp.cleanup();
});

describe('the hub’s screens through the contract', { timeout: 120_000 }, () => {
  let code = '';
  let zhangStation = '';

  it('hub.connect: a wrong pin, an unreachable hub and a wrong setup code say so; the right one connects this store', async () => {
    expect(value(await admin.app.dispatch('station.self', {}))).toMatchObject({ connected: false, stationId: null });
    const wrongPin = await admin.app.dispatch('hub.connect', { ...target(), fingerprint: 'AA:'.repeat(31) + 'AA', setupCode: hub.setupCode });
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'hub_failed', details: { hubCode: 'pin_mismatch' } } });
    const nowhere = await admin.app.dispatch('hub.connect', { hubUrl: 'https://127.0.0.1:1', fingerprint: hub.fingerprint, setupCode: hub.setupCode });
    expect(nowhere).toMatchObject({ ok: false, error: { code: 'hub_failed', details: { hubCode: 'unreachable' } } });
    const wrongCode = await admin.app.dispatch('hub.connect', { ...target(), setupCode: 'WRONG-CODE-1234' });
    expect(wrongCode).toMatchObject({ ok: false, error: { code: 'hub_failed', details: { hubCode: 'setup_code_invalid' } } });
    expect(value(await admin.app.dispatch('station.self', {})).connected).toBe(false);

    const self = value(await admin.app.dispatch('hub.connect', { ...target(), setupCode: hub.setupCode, stationName: '管理员电脑' }));
    expect(self).toMatchObject({ connected: true, stationName: '管理员电脑', hubUrl: hub.url, replica: 'full', revokedAt: null });
    expect(await admin.app.dispatch('hub.connect', { ...target(), setupCode: hub.setupCode })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('station.enroll: a lead on a collector’s (partial) replica is refused; a code for zhang’s station is issued and his account reaches the hub', async () => {
    const lead = value(await admin.app.dispatch('users.list', {})).find((u) => u.name === LEAD.name)!;
    expect(await admin.app.dispatch('station.enroll', { userIds: [lead.id], replica: 'partial' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const issued = value(await admin.app.dispatch('station.enroll', { userIds: [zhang], replica: 'partial' }));
    expect(issued.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}(-[0-9A-Z]{5}){5}-[0-9A-Z]{2}$/);
    expect(Date.parse(issued.expiresAt) - Date.now()).toBeGreaterThan(6 * 24 * 3600_000);
    code = issued.code;
    // the store went up with the enrollment: nothing waits in its outbox
    expect(admin.db.prepare('SELECT count(*) FROM hub_outbox').pluck().get()).toBe(0);
  });

  it('hub.join: a wrong pin and a wrong code leave no database; the right code makes the store, zhang signs in with his own password', async () => {
    const dbFile = join(tmp.dir, 'zhang-pc', 'collectdesk.db');
    const wrongPin = await station.dispatch('hub.join', { ...target(), fingerprint: 'AA:'.repeat(31) + 'AA', code, passphrase: PASSPHRASE });
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'hub_failed', details: { hubCode: 'pin_mismatch' } } });
    const mistyped = await station.dispatch('hub.join', { ...target(), code: code.slice(0, -1) + (code.endsWith('0') ? '1' : '0'), passphrase: PASSPHRASE });
    expect(mistyped).toMatchObject({ ok: false, error: { code: 'hub_failed', details: { hubCode: 'invalid_input', reason: 'check' } } });
    const unknown = await station.dispatch('hub.join', { ...target(), code: formatEnrollmentCode(newEnrollmentCode()), passphrase: PASSPHRASE });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'hub_failed', details: { hubCode: 'enrollment_code_invalid', reason: 'unknown' } } });
    expect(existsSync(dbFile)).toBe(false);
    expect(value(await station.dispatch('app.status', {})).state).toBe('new');
    expect(await station.dispatch('hub.join', { ...target(), code, passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const status = value(await station.dispatch('hub.join', { ...target(), code, passphrase: PASSPHRASE, stationName: '张伟的电脑' }));
    expect(status).toMatchObject({ state: 'open', user: null });
    expect(await station.dispatch('auth.signIn', { name: ZHANG.name, password: 'not-his-password' })).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    const s = await signedIn(station, ZHANG);
    const mine = value(await station.dispatch('cases.list', { pageSize: 50 }, s));
    expect(mine.rows.map((r) => r.caseNo).sort()).toEqual(['HB-1', 'HB-2']);
    expect(value(await station.dispatch('station.self', {}, await signedIn(station, { name: ADMIN.name, password: ADMIN.password })))).toMatchObject({ connected: true, replica: 'partial', stationName: '张伟的电脑' });
    // a collector does not manage stations
    expect(await station.dispatch('station.list', {}, s)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // the code was used: another computer cannot join with it
    const other = new CoreApp({ dataDir: join(tmp.dir, 'other-pc'), via: 'web' });
    expect(await other.dispatch('hub.join', { ...target(), code, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'hub_failed', details: { hubCode: 'enrollment_code_invalid', reason: 'used' } } });
    expect(value(await other.dispatch('app.status', {})).state).toBe('new');
    other.close();
    // and a store that exists joins nothing
    expect(await station.dispatch('hub.join', { ...target(), code, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('station.list: both stations with their users’ names and 工号, this computer marked', async () => {
    const list = value(await admin.app.dispatch('station.list', {}));
    expect(list).toHaveLength(2);
    const mine = list.find((s) => s.self)!;
    expect(mine).toMatchObject({ name: '管理员电脑', replica: 'full', admin: true, pendingUp: 0, revokedAt: null });
    const his = list.find((s) => !s.self)!;
    zhangStation = his.id;
    expect(his).toMatchObject({ name: '张伟的电脑', replica: 'partial', admin: false, pendingUp: null, revokedAt: null, lastSeenAt: expect.any(String) });
    expect(his.users).toEqual([{ id: zhang, role: 'collector', name: 'zhang', displayName: '张伟', staffNo: 'A-007' }]);
  });

  it('a password reset at the admin’s station reaches zhang’s: he signs in there with the new one, offline after', async () => {
    const fresh = 'zhang-new-password-2';
    value(await admin.app.dispatch('users.resetPassword', { userId: zhang, newPassword: fresh }));
    await admin.app.hub.syncNow();
    await station.hub.syncNow();
    expect(await station.dispatch('auth.signIn', { name: ZHANG.name, password: ZHANG.password }, newSession())).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    await signedIn(station, { name: ZHANG.name, password: fresh });
    // back as it was for the tests that follow
    value(await admin.app.dispatch('users.resetPassword', { userId: zhang, newPassword: ZHANG.password }));
    await admin.app.hub.syncNow();
    await station.hub.syncNow();
    await signedIn(station, ZHANG);
  });

  it('station.syncOverview: the lead sees zhang’s last sync, and a reassigned case pending until zhang’s station has been in touch', async () => {
    // rounds by hand from here: the background loops would hand the cases over at a moment of their own
    admin.app.hub.stop();
    station.hub.stop();
    await Promise.all([admin.app.hub.idle(), station.hub.idle()]);
    const lead = await signedIn(admin.app, LEAD);
    expect(await admin.app.dispatch('station.list', {}, lead)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    let view = value(await admin.app.dispatch('station.syncOverview', {}, lead));
    expect(view).toMatchObject({ connected: true, hubProblem: null, handovers: [] });
    const z = view.collectors!.find((c) => c.user.id === zhang)!;
    expect(z).toMatchObject({ lastSyncAt: expect.any(String), handoversPending: 0, stations: [{ id: zhangStation, name: '张伟的电脑' }] });
    expect(view.collectors!.find((c) => c.user.id === li)).toMatchObject({ lastSyncAt: null, stations: [] });

    const actor = { id: value(await admin.app.dispatch('app.status', {})).user!.id, role: 'admin' as const, via: 'ui' as const };
    const moved = assignSelection(admin.db, actor, { assignedTo: zhang }, [li], new Date().toISOString());
    expect(moved.assigned).toBe(2);
    view = value(await admin.app.dispatch('station.syncOverview', {}, lead));
    expect(view.handovers.map((h) => h.caseNo).sort()).toEqual(['HB-1', 'HB-2']);
    expect(view.handovers[0]).toMatchObject({ client: '测试银行', fromUser: { displayName: '张伟' }, toUser: { displayName: '李娜' }, stations: [{ id: zhangStation }] });
    expect(view.collectors!.find((c) => c.user.id === zhang)?.handoversPending).toBe(2);

    // the route reaches the hub; zhang's station has not been in touch since: still pending
    await syncOnce(admin.db);
    expect(value(await admin.app.dispatch('station.syncOverview', {}, lead)).handovers).toHaveLength(2);
    // his station syncs (the hub notes a contact at most every 30 s: its clock is moved past that): it pushes what it
    // had, hands the cases over and wipes them
    hub.clock.offsetMs = 40_000;
    const r = await syncOnce(station.database as Db);
    hub.clock.offsetMs = 0;
    expect(r).toMatchObject({ revoked: false, wiped: 2, handoversPending: 0 });
    view = value(await admin.app.dispatch('station.syncOverview', {}, lead));
    expect(view.handovers).toEqual([]);
    expect(view.collectors!.find((c) => c.user.id === zhang)?.handoversPending).toBe(0);
  });

  it('station.revoke: this computer cannot revoke itself; zhang’s station is revoked and wipes itself at its next contact', async () => {
    const self = value(await admin.app.dispatch('station.self', {}));
    expect(await admin.app.dispatch('station.revoke', { stationId: self.stationId! })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const revoked = value(await admin.app.dispatch('station.revoke', { stationId: zhangStation }));
    expect(revoked).toMatchObject({ id: zhangStation, revokedAt: expect.any(String), users: [{ displayName: '张伟' }] });
    const r = await syncOnce(station.database as Db);
    expect(r.revoked).toBe(true);
    expect((station.database as Db).prepare('SELECT count(*) FROM hub_keys').pluck().get()).toBe(0);
    const list = value(await admin.app.dispatch('station.list', {}));
    expect(list.at(-1)).toMatchObject({ id: zhangStation, revokedAt: expect.any(String) });
  });

  it('the lead’s view says when the hub cannot be reached, and a store with no hub is not connected', async () => {
    const lone = await setupApp();
    try {
      expect(value(await lone.app.dispatch('station.syncOverview', {}))).toMatchObject({ connected: false, collectors: null, handovers: [] });
      expect(await lone.app.dispatch('station.list', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    } finally {
      lone.cleanup();
    }
    await hub.close();
    const view = value(await admin.app.dispatch('station.syncOverview', {}));
    expect(view).toMatchObject({ connected: true, collectors: null, hubProblem: 'unreachable' });
  });
});
