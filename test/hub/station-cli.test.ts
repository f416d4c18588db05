// The station side end to end: an admin's store claims a real hub (in-process, SQLite store), uploads itself; a
// collector's station joins with a code, works a case offline, syncs; the admin station pulls the work and reports
// it; a reassigned case leaves the collector's station; a revoked station wipes itself.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignSelection } from '../../electron/core/assignment/assign-filter';
import { agencyDay } from '../../electron/core/clock';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { keyring, requireStation } from '../../electron/core/hub/station-state';
import { sealOutbox } from '../../electron/core/hub/sync';
import { runCliInProcess, ROOT } from '../helpers/cli';
import { fixture } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';
import { startTestHub, type TestHub } from './harness';

const tmp = makeTempDir('station-cli-');
const A = join(tmp.dir, 'admin');
const B = join(tmp.dir, 'zhang-pc');
const env = { COLLECTDESK_PASSPHRASE: 'correct horse battery staple', COLLECTDESK_PASSWORD: 'password-123' };
const json = (dir: string, ...args: string[]) => runCliInProcess([...args, '--data', dir, '--json'], env);
const rows = new TextDecoder('gbk').decode(readFileSync(fixture('bank-a', 'placement-2026-11.csv'))).trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
const NOTE = '本人承诺月底前还款，妻子代为转达';
let hub: TestHub;
let zhangCases: string[] = [];
let liCases: string[] = [];

async function withDb<T>(dir: string, f: (db: Db) => T | Promise<T>): Promise<T> {
  const { db } = await openDatabase({ dataDir: dir, secret: { passphrase: env.COLLECTDESK_PASSPHRASE } });
  try {
    return await f(db);
  } finally {
    db.close();
  }
}

async function ok(dir: string, ...args: string[]) {
  const r = await json(dir, ...args);
  expect(r.code, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
  return r.json;
}

beforeAll(async () => {
  for (const args of [
    ['init', '--admin', 'boss'],
    ['user', 'add', '--name', 'zhang', '--role', 'collector'],
    ['user', 'add', '--name', 'li', '--role', 'collector'],
    ['client', 'add', '--profile', join(ROOT, 'resources/profiles/bank-a.json')],
    ['import', 'placement', '--client', 'bank-a', fixture('bank-a', 'placement-2026-11.csv')],
    ['assign', '--client', 'bank-a', '--to', 'zhang,li'],
  ]) await ok(A, ...args);
  const held = await withDb(A, (db) => db.prepare('SELECT c.case_no, u.name FROM cases c JOIN users u ON u.id = c.assigned_to ORDER BY c.case_no').all() as { case_no: string; name: string }[]);
  zhangCases = held.filter((h) => h.name === 'zhang').map((h) => h.case_no);
  liCases = held.filter((h) => h.name === 'li').map((h) => h.case_no);
  hub = await startTestHub('sqlite');
}, 120_000);
afterAll(async () => {
  await hub?.close().catch(() => undefined);
  tmp.cleanup();
});

describe('station: connect, enroll, join, sync', { timeout: 240_000 }, () => {
  let code = '';
  let ptpCase = '';

  it('an admin store claims the hub and uploads itself as the first full replica', async () => {
    const c = await ok(A, 'hub', 'connect', '--hub', hub.url, '--fingerprint', hub.fingerprint, '--setup-code', hub.setupCode);
    expect(c).toMatchObject({ ok: true, replica: 'full', stationId: expect.any(String), agencyId: expect.any(String) });
    const again = await json(A, 'hub', 'connect', '--hub', hub.url, '--fingerprint', hub.fingerprint, '--setup-code', hub.setupCode);
    expect(again.code).toBe(1);
    expect(again.json).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const s = await ok(A, 'hub', 'sync', '--once');
    // 3 users + 1 client + 1 batch + 200 debtors + 200 cases + contacts
    expect(s.pushed as number).toBeGreaterThan(400);
    expect(s).toMatchObject({ ok: true, pending: 0, wiped: 0, handoversPending: 0 });
    expect((await ok(A, 'hub', 'sync', '--once')).pushed).toBe(0);
  });

  it('refuses a wrong pin before sending anything', async () => {
    const r = await json(join(tmp.dir, 'nowhere'), 'station', 'join', '--hub', hub.url, '--fingerprint', 'AA:'.repeat(31) + 'AA', '--code', 'ABCD-EFGH-SSSSS-SSSSS-SSSSS-SSSSS-SSSSS-SC');
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'hub_failed', details: { hubCode: 'pin_mismatch' } } });
    expect(existsSync(join(tmp.dir, 'nowhere', 'collectdesk.db'))).toBe(false);
  });

  it('an admin enrolls a station for zhang; it joins and holds only zhang’s cases', async () => {
    const e = await ok(A, 'station', 'enroll', '--user', 'zhang');
    expect(e).toEqual({ ok: true, code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}(-[0-9A-Z]{5}){5}-[0-9A-Z]{2}$/), expiresAt: expect.any(String) });
    code = e.code as string;
    const j = await ok(B, 'station', 'join', '--hub', hub.url, '--fingerprint', hub.fingerprint, '--code', code);
    expect(j).toMatchObject({ ok: true, replica: 'partial', pulled: expect.any(Number) });
    const reuse = await json(join(tmp.dir, 'other-pc'), 'station', 'join', '--hub', hub.url, '--fingerprint', hub.fingerprint, '--code', code);
    expect(reuse.json).toMatchObject({ ok: false, error: { code: 'hub_failed', details: { hubCode: 'enrollment_code_invalid' } } });
    const counts = await withDb(B, (db) => ({
      cases: db.prepare('SELECT count(*) FROM cases').pluck().get(),
      users: db.prepare('SELECT name FROM users ORDER BY name').pluck().all(),
      keys: db.prepare('SELECT count(*) FROM hub_keys').pluck().get(),
    }));
    expect(counts).toEqual({ cases: zhangCases.length, users: ['boss', 'li', 'zhang'], keys: 1 });
    const mine = await json(B, 'case', 'show', '--client', 'bank-a', '--case', zhangCases[0]!, '--as', 'zhang');
    expect(mine.json).toMatchObject({ ok: true, case: { caseNo: zhangCases[0], assignedTo: 'zhang' } });
    const notMine = await json(B, 'case', 'show', '--client', 'bank-a', '--case', liCases[0]!, '--as', 'zhang');
    expect(notMine.json).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a payment file imported at the admin station after the upload reaches the collector’s station', async () => {
    await ok(A, 'import', 'payments', '--client', 'bank-a', fixture('bank-a', 'payments-2026-11-20.csv'));
    expect((await ok(A, 'hub', 'sync', '--once')).pushed as number).toBeGreaterThan(0);
    await ok(B, 'hub', 'sync', '--once');
    const count = (dir: string) => withDb(dir, (db) => db.prepare(`SELECT count(*) FROM payments p JOIN cases c ON c.id = p.case_id JOIN users u ON u.id = c.assigned_to WHERE u.name = 'zhang'`).pluck().get() as number);
    const atA = await count(A);
    expect(atA).toBeGreaterThan(0);
    expect(await count(B)).toBe(atA);
    // and the balances the payments lowered
    const balances = (dir: string) => withDb(dir, (db) => db.prepare(`SELECT c.case_no, c.balance_fen, c.last_payment_fen FROM cases c JOIN users u ON u.id = c.assigned_to WHERE u.name = 'zhang' AND c.last_payment_at IS NOT NULL ORDER BY c.case_no`).all());
    const paidAtA = await balances(A);
    expect(paidAtA.length).toBeGreaterThan(0);
    expect(await balances(B)).toEqual(paidAtA);
  });

  it('a promise made offline at zhang’s station reaches the admin station, is counted by its KPI report, and a resent push is not doubled', async () => {
    ptpCase = zhangCases[0]!;
    const row = rows.find((r) => r[0] === ptpCase)!;
    const before = (await ok(A, 'report', 'kpi', '--client', 'bank-a', '--by', 'collector')).rows as { label: string; workedCases: number; ptpRate: number | null }[];
    const add = await ok(B, 'activity', 'add', '--client', 'bank-a', '--case', ptpCase, '--as', 'zhang', '--channel', 'call', '--phone', row[4]!, '--party', 'debtor',
      '--at', '2026-11-24T11:00:00+08:00', '--result', 'PTP', '--ptp-amount', '100.00', '--ptp-date', '2026-11-30', '--confirm', 'CN-ID,CN-RPC,CN-R1,US-MM', '--notes', NOTE);
    expect(add.ok).toBe(true);
    // sealed as the first push would, and kept: these exact bytes are sent again below
    const outbox = await withDb(B, async (db) => {
      const station = requireStation(db);
      await sealOutbox(db, station, await keyring(db));
      return db.prepare('SELECT * FROM hub_outbox ORDER BY hlc').all() as Record<string, unknown>[];
    });
    expect(outbox.map((o) => o.entity)).toEqual(['activity', 'promise', 'case']);
    const s = await ok(B, 'hub', 'sync', '--once');
    expect(s).toMatchObject({ pushed: 3, pending: 0 });

    // the same changes sent again (a push whose answer was lost): the hub acknowledges them, stores nothing twice
    await withDb(B, (db) => {
      const ins = db.prepare('INSERT INTO hub_outbox (change_id, hlc, entity, row_id, op, route_key, user_id, fields, sealed, created_at) VALUES (@change_id, @hlc, @entity, @row_id, @op, @route_key, @user_id, @fields, @sealed, @created_at)');
      for (const o of outbox) ins.run(o);
    });
    expect(await ok(B, 'hub', 'sync', '--once')).toMatchObject({ pushed: 3, pending: 0 });

    const pulled = await ok(A, 'hub', 'sync', '--once');
    expect(pulled.pulled).toBe(3);
    expect((await ok(A, 'hub', 'sync', '--once')).pulled).toBe(0);
    const shown = await ok(A, 'case', 'show', '--client', 'bank-a', '--case', ptpCase);
    expect(shown.activities).toEqual([expect.objectContaining({ resultCode: 'PTP', notes: NOTE, collector: expect.any(String) })]);
    expect(shown.promises).toEqual([expect.objectContaining({ amountFen: 10000, dueDate: '2026-11-30' })]);
    // settled once the whole push is applied, as the station that made the call would settle it: a promise whose date
    // has passed unpaid is broken and the case is worked again; before its date the case waits on it
    const broken = agencyDay(new Date()) > '2026-11-30';
    expect((shown.promises as unknown[])[0]).toMatchObject({ status: broken ? 'broken' : 'pending' });
    expect(shown.case).toMatchObject({ status: broken ? 'working' : 'ptp' });
    const after = (await ok(A, 'report', 'kpi', '--client', 'bank-a', '--by', 'collector')).rows as { label: string; workedCases: number; ptpRate: number | null }[];
    const z0 = before.find((r) => r.label.includes('zhang'))!;
    const z1 = after.find((r) => r.label.includes('zhang'))!;
    expect(z1.workedCases).toBe(z0.workedCases + 1);
    expect(z1.ptpRate).toBeGreaterThan(z0.ptpRate ?? 0);
  });

  it('a case reassigned away from zhang is wiped from his station once its changes are acknowledged, audited, with no delete record', async () => {
    const row = rows.find((r) => r[0] === zhangCases[1])!;
    await ok(B, 'activity', 'add', '--client', 'bank-a', '--case', zhangCases[1]!, '--as', 'zhang', '--channel', 'call', '--phone', row[4]!, '--party', 'none',
      '--at', '2026-11-25T10:00:00+08:00', '--result', 'NO_ANSWER');
    await withDb(A, (db) => {
      const ids = db.prepare(`SELECT id FROM users WHERE name IN ('boss', 'zhang', 'li') ORDER BY name`).pluck().all() as string[];
      const [boss, li, zhang] = ids as [string, string, string];
      assignSelection(db, { id: boss, role: 'admin', via: 'cli' }, { assignedTo: zhang }, [li], new Date().toISOString());
    });
    expect((await ok(A, 'hub', 'sync', '--once')).pushed as number).toBeGreaterThanOrEqual(zhangCases.length);
    const s = await ok(B, 'hub', 'sync', '--once');
    expect(s).toMatchObject({ pushed: 2, wiped: zhangCases.length, pending: 0, handoversPending: 0 });
    const left = await withDb(B, (db) => ({
      cases: db.prepare('SELECT count(*) FROM cases').pluck().get(),
      debtors: db.prepare('SELECT count(*) FROM debtors').pluck().get(),
      activities: db.prepare('SELECT count(*) FROM activities').pluck().get(),
      wipes: db.prepare(`SELECT count(*) FROM audit_events WHERE action = 'hub.case_wipe'`).pluck().get(),
    }));
    expect(left).toEqual({ cases: 0, debtors: 0, activities: 0, wipes: zhangCases.length });
    // the work done before the reassignment is safe at the admin station
    await ok(A, 'hub', 'sync', '--once');
    const shown = await ok(A, 'case', 'show', '--client', 'bank-a', '--case', zhangCases[1]!);
    expect(shown.activities).toEqual([expect.objectContaining({ resultCode: 'NO_ANSWER' })]);
    expect(shown.case).toMatchObject({ assignedTo: 'li' });
  });

  it('lists the stations; a revoked station wipes its data at its next contact', async () => {
    const list = (await ok(A, 'station', 'list')).stations as { id: string; replica: string }[];
    expect(list.map((s) => s.replica).sort()).toEqual(['full', 'partial']);
    const b = list.find((s) => s.replica === 'partial')!;
    await ok(A, 'station', 'revoke', '--station', b.id);
    const r = await json(B, 'hub', 'sync', '--once');
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'hub_failed', details: { hubCode: 'revoked' } } });
    expect(await withDb(B, (db) => [db.prepare('SELECT count(*) FROM hub_keys').pluck().get(), db.prepare('SELECT revoked_at IS NOT NULL FROM hub_station').pluck().get()])).toEqual([0, 1]);
  });

  it('the hub’s database holds no debtor name, phone, ID number or note in the clear', async () => {
    await hub.close();
    const text = ['', '-wal'].map((s) => (existsSync(hub.where + s) ? readFileSync(hub.where + s).toString('utf8') : '')).join('\n');
    expect(text.length).toBeGreaterThan(100_000);
    expect(text).not.toContain(NOTE);
    for (const r of rows.slice(0, 50)) for (const v of [r[1]!, r[3]!, r[4]!]) expect(text).not.toContain(v);
    expect(text).toContain(zhangCases[0]!.length ? 'activity' : '');
  });
});
