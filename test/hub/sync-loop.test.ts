// The desktop app's background sync with a real hub (in-process, SQLite store, restarted on the same port): an
// admin's full replica and a collector's station, each opened by a CoreApp as the desktop and the web host open it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreApp } from '../../electron/core/app/core-app';
import { setFlag } from '../../electron/core/cases/flags';
import type { Db } from '../../electron/core/db/open';
import { revokeStation } from '../../electron/core/hub/trust';
import { requireStation } from '../../electron/core/hub/station-state';
import { loadOrCreateCertificate } from '../../electron/hub/certificate';
import { DEFAULT_CONFIG } from '../../electron/hub/config';
import { startHubServer, type RunningHub } from '../../electron/hub/server';
import { HubService } from '../../electron/hub/service';
import { SqliteHubStore } from '../../electron/hub/store/sqlite-store';
import type { HubStatus } from '../../shared/contract/hub';
import { newSetupCode } from '../../shared/replication/setup-code';
import { runCliInProcess, ROOT } from '../helpers/cli';
import { fixture } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';

const tmp = makeTempDir('sync-loop-');
const A = join(tmp.dir, 'lead-pc');
const B = join(tmp.dir, 'zhang-pc');
const HUB_DIR = join(tmp.dir, 'hub');
const env = { COLLECTDESK_PASSPHRASE: 'correct horse battery staple', COLLECTDESK_PASSWORD: 'password-123' };
const timings = { intervalMs: 120_000, debounceMs: 300, backoffMs: { min: 300, max: 1000 } };

interface Hub {
  running: RunningHub;
  store: SqliteHubStore;
  close(): Promise<void>;
}

async function startHub(port = 0, clockOffsetMs = 0): Promise<Hub & { url: string; fingerprint: string; setupCode: string | null }> {
  mkdirSync(HUB_DIR, { recursive: true });
  const tls = await loadOrCreateCertificate(HUB_DIR, '127.0.0.1');
  const store = SqliteHubStore.open(join(HUB_DIR, 'hub.db'));
  const running = await startHubServer({ service: new HubService(store, { ...DEFAULT_CONFIG, now: () => Date.now() + clockOffsetMs }), tls, host: '127.0.0.1', port, heartbeatMs: 60_000 });
  const setupCode = await store.setupCode(newSetupCode());
  return {
    running,
    store,
    url: running.url,
    fingerprint: tls.fingerprint,
    setupCode,
    close: async () => {
      await running.close();
      await store.close();
    },
  };
}

async function ok(dir: string, ...args: string[]): Promise<Record<string, unknown>> {
  const r = await runCliInProcess([...args, '--data', dir, '--json'], env);
  expect(r.code, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
  return r.json as Record<string, unknown>;
}

async function until<T>(what: string, read: () => T | Promise<T>, accept: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await read();
    if (accept(v)) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`${what}: still ${JSON.stringify(v)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const db = (app: CoreApp): Db => app.database as Db;
const status = async (app: CoreApp): Promise<HubStatus> => {
  const r = await app.dispatch('hub.status', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

let hub: Awaited<ReturnType<typeof startHub>>;
let port = 0;
let lead: CoreApp;
let zhang: CoreApp;
let caseId = '';
let zhangId = '';
let bossId = '';

beforeAll(async () => {
  for (const args of [
    ['init', '--admin', 'boss'],
    ['user', 'add', '--name', 'zhang', '--role', 'collector'],
    ['client', 'add', '--profile', join(ROOT, 'resources/profiles/bank-a.json')],
    ['import', 'placement', '--client', 'bank-a', fixture('bank-a', 'placement-2026-11.csv')],
    ['assign', '--client', 'bank-a', '--to', 'zhang'],
  ]) await ok(A, ...args);
  hub = await startHub();
  port = hub.running.port;
  await ok(A, 'hub', 'connect', '--hub', hub.url, '--fingerprint', hub.fingerprint, '--setup-code', hub.setupCode ?? '');
  await ok(A, 'hub', 'sync', '--once');
  const code = (await ok(A, 'station', 'enroll', '--user', 'zhang')).code as string;
  await ok(B, 'station', 'join', '--hub', hub.url, '--fingerprint', hub.fingerprint, '--code', code);

  lead = new CoreApp({ dataDir: A, via: 'ui', hubLoop: timings });
  zhang = new CoreApp({ dataDir: B, via: 'ui', hubLoop: timings });
  await lead.unlock({ passphrase: env.COLLECTDESK_PASSPHRASE });
  await zhang.unlock({ passphrase: env.COLLECTDESK_PASSPHRASE });
  await lead.signIn('boss', env.COLLECTDESK_PASSWORD);
  await zhang.signIn('zhang', env.COLLECTDESK_PASSWORD);
  zhangId = db(zhang).prepare(`SELECT id FROM users WHERE name = 'zhang'`).pluck().get() as string;
  bossId = db(lead).prepare(`SELECT id FROM users WHERE name = 'boss'`).pluck().get() as string;
  caseId = db(zhang).prepare('SELECT id FROM cases ORDER BY case_no LIMIT 1').pluck().get() as string;
}, 180_000);

afterAll(async () => {
  lead?.close();
  zhang?.close();
  await hub?.close().catch(() => undefined);
  tmp.cleanup();
});

const raise = (flag: 'complaint' | 'vulnerable' | 'lawyer' | 'deceased'): string[] => setFlag(db(zhang), { id: zhangId, role: 'collector', via: 'ui' }, caseId, flag, true, undefined, new Date().toISOString());
const flagsAt = (app: CoreApp): string[] => JSON.parse(db(app).prepare('SELECT flags FROM cases WHERE id = ?').pluck().get(caseId) as string) as string[];

describe('the background sync loop', { timeout: 60_000 }, () => {
  it('both stations come up synced, with nothing waiting', async () => {
    for (const app of [lead, zhang]) {
      const s = await until('status', () => status(app), (s) => s.state === 'synced');
      expect(s).toMatchObject({ connected: true, pendingUp: 0, handoversPending: 0, lastError: null, lastSyncAt: expect.any(String) });
    }
    expect((await status(lead)).replica).toBe('full');
    expect((await status(zhang)).replica).toBe('partial');
  });

  it('a write at the collector’s station is pushed within 2 s and reaches the lead’s through the event stream', async () => {
    const received = (await status(lead)).received;
    const t0 = Date.now();
    raise('complaint');
    expect((await status(zhang)).pendingUp).toBeGreaterThan(0);
    await until('zhang’s outbox', () => status(zhang), (s) => s.pendingUp === 0 && s.state === 'synced', 2000);
    const pushedMs = Date.now() - t0;
    // the lead's fallback round is minutes away: only the hub's `changes` event brings it in now
    await until('the flag at the lead’s station', () => flagsAt(lead), (f) => f.includes('complaint'), 3000);
    const arrivedMs = Date.now() - t0;
    // and the lead's screens hear of it (they reload when `received` grows)
    await until('received', () => status(lead), (s) => s.received > received, 2000);
    console.log(`pushed after ${pushedMs} ms, at the lead's station after ${arrivedMs} ms`);
  });

  it('a promise recorded beside the app at the collector’s station makes the case “ptp” at the lead’s', async () => {
    // another case than the flagged one (a complaint blocks contact)
    const { id: other, case_no: caseNo, phone } = db(zhang).prepare('SELECT c.id, c.case_no, d.mobile AS phone FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE c.id <> ? ORDER BY c.case_no LIMIT 1').get(caseId) as { id: string; case_no: string; phone: string };
    // dated by the real calendar: the lead's station settles promises by its clock, and a promise already due would be
    // broken there (the case back to `working`), as a single store would have it
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await ok(B, 'activity', 'add', '--client', 'bank-a', '--case', caseNo, '--as', 'zhang', '--channel', 'call', '--phone', phone, '--party', 'debtor',
      '--at', `${day(-1)}T11:00:00+08:00`, '--result', 'PTP', '--ptp-amount', '100.00', '--ptp-date', day(14), '--confirm', 'CN-ID,CN-RPC,CN-R1,US-MM');
    const r = await zhang.dispatch('hub.syncNow', {});
    expect(r.ok && r.value).toMatchObject({ state: 'synced', pendingUp: 0 });
    const statusAt = (app: CoreApp) => db(app).prepare('SELECT status FROM cases WHERE id = ?').pluck().get(other);
    expect(statusAt(zhang)).toBe('ptp');
    await until('the case at the lead’s station', () => statusAt(lead), (s) => s === 'ptp', 5000);
    await until('the promise at the lead’s station', () => db(lead).prepare('SELECT count(*) FROM promises WHERE case_id = ?').pluck().get(other), (n) => n === 1, 5000);
  });

  it('with the hub down the status is offline and counts the waiting changes; back up, it syncs them', async () => {
    await hub.close();
    raise('vulnerable');
    const off = await until('offline', () => status(zhang), (s) => s.state === 'offline', 5000);
    expect(off).toMatchObject({ connected: true, pendingUp: expect.any(Number), lastError: 'unreachable' });
    expect(off.pendingUp).toBeGreaterThan(0);
    // work goes on meanwhile
    raise('lawyer');
    expect((await status(zhang)).pendingUp).toBeGreaterThan(off.pendingUp);

    hub = await startHub(port);
    await until('synced again', () => status(zhang), (s) => s.state === 'synced' && s.pendingUp === 0, 10_000);
    await until('the lead’s station', () => status(lead), (s) => s.state === 'synced', 10_000);
    const r = await lead.dispatch('hub.syncNow', {});
    expect(r.ok && r.value.state).toBe('synced');
    await until('the flags at the lead’s station', () => flagsAt(lead), (f) => f.includes('lawyer'), 5000);
    expect(flagsAt(lead)).toEqual(['complaint', 'lawyer', 'vulnerable']);
  });

  it('a hub whose clock is 10 min behind this computer’s: “this computer’s clock is 10 min ahead”, the changes kept', async () => {
    await hub.close();
    hub = await startHub(port, -10 * 60_000);
    raise('deceased');
    const ahead = await until('clock ahead', () => status(zhang), (s) => s.state === 'clock_ahead', 10_000);
    expect(ahead).toMatchObject({ clockAheadMinutes: 10, lastError: 'clock_ahead' });
    expect(ahead.pendingUp).toBeGreaterThan(0);
    await hub.close();
    hub = await startHub(port);
    const r = await zhang.dispatch('hub.syncNow', {});
    expect(r.ok && r.value).toMatchObject({ state: 'synced', pendingUp: 0, clockAheadMinutes: null });
    await until('the lead’s station', () => status(lead), (s) => s.state === 'synced', 10_000);
  });

  it('a revoked station hears it at once, wipes its cases and says so', async () => {
    expect(db(zhang).prepare('SELECT count(*) FROM cases').pluck().get()).toBeGreaterThan(0);
    const stationId = requireStation(db(zhang)).station_id;
    await revokeStation(db(lead), { id: bossId, role: 'admin', via: 'ui' }, stationId, new Date().toISOString());
    const s = await until('revoked', () => status(zhang), (s) => s.state === 'revoked', 5000);
    expect(s).toMatchObject({ connected: true, pendingUp: 0, revokedAt: expect.any(String) });
    expect(db(zhang).prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
    expect(db(zhang).prepare('SELECT count(*) FROM debtors').pluck().get()).toBe(0);
    // a round asked for by hand changes nothing
    const again = await zhang.dispatch('hub.syncNow', {});
    expect(again.ok && again.value.state).toBe('revoked');
  });

  it('a store that is not a station says so, to every signed-in role', async () => {
    const dir = join(tmp.dir, 'alone');
    await ok(dir, 'init', '--admin', 'solo');
    const app = new CoreApp({ dataDir: dir, via: 'ui', hubLoop: timings });
    try {
      await app.unlock({ passphrase: env.COLLECTDESK_PASSPHRASE });
      expect((await app.dispatch('hub.status', {})).ok).toBe(false);
      await app.signIn('solo', env.COLLECTDESK_PASSWORD);
      expect(await status(app)).toMatchObject({ connected: false, state: 'not_connected', pendingUp: 0 });
    } finally {
      app.close();
    }
  });
});
