// Seeded convergence: one admin station and two collector stations make random offline edits (calls, raised and
// cleared flags, reassignments) and sync in random order against a real hub; afterwards every collector station
// holds exactly its users' cases, and each of those rows equals the admin station's.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/domain/ids';
import type { CaseFlag } from '../../shared/compliance/types';
import type { Actor } from '../../electron/core/auth/actor';
import { setFlag } from '../../electron/core/cases/flags';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { syncOnce } from '../../electron/core/hub/sync';
import { connectAsAdmin, enrollStation, joinAsStation } from '../../electron/core/hub/trust';
import { recordChange, recordRoute } from '../../electron/core/hub/write-path';
import { seedCases } from '../helpers/seed';
import { makeTempDir } from '../helpers/temp-dir';
import { bothStores } from './suites';
import { startTestHub, type StoreKind, type TestHub } from './harness';
import { pgQuery } from './pg';

/** Everything the hub's store holds, as text (the SQLite file and its WAL, or every PostgreSQL table). */
async function hubText(kind: StoreKind, where: string): Promise<string> {
  if (kind === 'sqlite') return ['', '-wal'].map((x) => (existsSync(where + x) ? readFileSync(where + x).toString('utf8') : '')).join('\n');
  const tables = await pgQuery<{ table_name: string }>(where, 'SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [where]);
  let text = '';
  for (const t of tables) text += (await pgQuery<{ row: string }>(where, `SELECT t::text AS row FROM ${t.table_name} t`)).map((r) => r.row).join('\n');
  return text;
}

const tmp = makeTempDir('station-conv-');
afterAll(() => tmp.cleanup());
const NOW = (): string => new Date().toISOString();
const FLAGS: CaseFlag[] = ['dispute', 'do_not_contact', 'complaint', 'vulnerable'];

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function newStore(name: string): Promise<Db> {
  return (await openDatabase({ dataDir: join(tmp.dir, `${name}-${uuidv7()}`), secret: { passphrase: 'a long enough passphrase' }, create: true })).db;
}

function addUser(db: Db, name: string, role: 'admin' | 'collector'): string {
  const id = uuidv7();
  db.prepare(`INSERT INTO users (id, name, display_name, role, password_hash, password_changed_at, created_at) VALUES (?, ?, ?, ?, 'x', ?, ?)`).run(id, name, name, role, NOW(), NOW());
  return id;
}

/** A call logged through the write path (the row and its change record in one transaction). */
function logCall(db: Db, userId: string, caseId: string): void {
  db.transaction(() => {
    const id = uuidv7();
    const debtorId = db.prepare('SELECT debtor_id FROM cases WHERE id = ?').pluck().get(caseId) as string;
    db.prepare(
      `INSERT INTO activities (id, case_id, debtor_id, collector_id, channel, party, started_at, recorded_at, result_code, notes, created_by) VALUES (?, ?, ?, ?, 'call', 'none', ?, ?, 'NO_ANSWER', '无人接听', ?)`,
    ).run(id, caseId, debtorId, userId, NOW(), NOW(), userId);
    recordChange(db, { entity: 'activity', id, userId, now: NOW() });
  })();
}

function reassign(db: Db, admin: string, caseId: string, to: string): void {
  db.transaction(() => {
    db.prepare('UPDATE cases SET assigned_to = ?, assigned_at = ?, updated_at = ? WHERE id = ?').run(to, NOW(), NOW(), caseId);
    recordChange(db, { entity: 'case', id: caseId, fields: ['assigned_to', 'assigned_at', 'updated_at'], userId: admin, now: NOW() });
    recordRoute(db, caseId);
  })();
}

const snapshot = (db: Db, caseIds: string[]) =>
  caseIds.map((id) => ({
    case: db.prepare('SELECT id, status, flags, assigned_to, balance_fen FROM cases WHERE id = ?').get(id),
    debtor: db.prepare('SELECT d.name, d.mobile, d.id_number FROM debtors d JOIN cases c ON c.debtor_id = d.id WHERE c.id = ?').get(id),
    activities: db.prepare('SELECT id, collector_id, result_code, notes FROM activities WHERE case_id = ? ORDER BY id').all(id),
  }));

bothStores('station convergence', (kind) => {
  let hub: TestHub | null = null;
  afterAll(async () => {
    await hub?.close();
  });

  it.each([7, 42])('one admin and two collector stations converge after random offline edits synced in random order (seed %i)', async (seed) => {
    await hub?.close();
    hub = await startTestHub(kind);
    const rand = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const A = await newStore('admin');
    const admin = addUser(A, 'boss', 'admin');
    const c1 = addUser(A, 'c1', 'collector');
    const c2 = addUser(A, 'c2', 'collector');
    seedCases(A, admin, Array.from({ length: 12 }, (_, i) => ({ caseNo: `K${i}`, debtorName: `债务人${i}`, balanceFen: 10_000 * (i + 1), assignedTo: i % 2 ? c2 : c1 })));
    const bossActor: Actor = { id: admin, role: 'admin', via: 'cli' };
    await connectAsAdmin(A, bossActor, { hubUrl: hub.url, fingerprint: hub.fingerprint, setupCode: hub.setupCode, stationName: 'lead' }, NOW());
    await syncOnce(A);
    const stations: { db: Db; user: string }[] = [];
    for (const name of ['c1', 'c2']) {
      const code = await enrollStation(A, bossActor, { userNames: [name], replica: 'partial' }, NOW());
      const db = await newStore(name);
      await joinAsStation(db, { hubUrl: hub.url, fingerprint: hub.fingerprint, code: code.code, stationName: name }, NOW());
      await syncOnce(db);
      stations.push({ db, user: name === 'c1' ? c1 : c2 });
    }
    const all = [{ db: A, user: admin }, ...stations];
    let calls = 0;
    let moves = 0;
    for (let step = 0; step < 60; step++) {
      const s = pick(all);
      const held = s.db.prepare('SELECT id FROM cases WHERE assigned_to = ? OR ? ORDER BY id').pluck().all(s.user, s.db === A ? 1 : 0) as string[];
      if (held.length === 0) continue;
      const caseId = pick(held);
      const r = rand();
      if (s.db === A) {
        if (r < 0.25) {
          reassign(A, admin, caseId, pick([c1, c2]));
          moves++;
        }
        else setFlag(A, bossActor, caseId, pick(FLAGS), rand() < 0.5, undefined, NOW());
      } else if (r < 0.6) {
        logCall(s.db, s.user, caseId);
        calls++;
      } else {
        setFlag(s.db, { id: s.user, role: 'collector', via: 'cli' }, caseId, pick(FLAGS), true, undefined, NOW());
      }
      if (rand() < 0.3) await syncOnce(pick(all).db);
    }
    for (let round = 0; round < 3; round++) for (const s of [...stations, { db: A }]) await syncOnce(s.db);

    expect(A.prepare('SELECT count(*) FROM activities').pluck().get()).toBe(calls);
    for (const s of stations) {
      const mine = A.prepare('SELECT id FROM cases WHERE assigned_to = ? ORDER BY id').pluck().all(s.user) as string[];
      expect(s.db.prepare('SELECT id FROM cases ORDER BY id').pluck().all()).toEqual(mine);
      expect(snapshot(s.db, mine)).toEqual(snapshot(A, mine));
      expect(s.db.prepare('SELECT count(*) FROM hub_outbox').pluck().get()).toBe(0);
      expect(s.db.prepare('SELECT count(*) FROM hub_parked').pluck().get()).toBe(0);
    }
    expect(moves).toBeGreaterThan(0);
    const wiped = stations.map((s) => s.db.prepare(`SELECT count(*) FROM audit_events WHERE action = 'hub.case_wipe'`).pluck().get() as number);
    expect(wiped.reduce((a, b) => a + b)).toBeGreaterThan(0);
    for (const d of [A, ...stations.map((s) => s.db)]) d.close();
    // the hub's store holds no debtor name, phone, ID number or note in the clear
    const text = await hubText(kind, hub.where);
    expect(text).toContain(hub.kind === 'sqlite' ? 'SQLite format' : 'activity');
    for (const v of ['债务人', '13800138000', '110101199003077777', '无人接听']) expect(text).not.toContain(v);
  }, 300_000);
});

bothStores('a case reassigned away and back', (kind) => {
  let hub: TestHub | null = null;
  afterAll(async () => {
    await hub?.close();
  });

  it('returns to the station that wiped it with its whole history, its own calls in the clear', async () => {
    hub = await startTestHub(kind);
    const A = await newStore('admin');
    const admin = addUser(A, 'boss', 'admin');
    const c1 = addUser(A, 'c1', 'collector');
    const c2 = addUser(A, 'c2', 'collector');
    seedCases(A, admin, Array.from({ length: 4 }, (_, i) => ({ caseNo: `R${i}`, debtorName: `债务人${i}`, balanceFen: 10_000 * (i + 1), assignedTo: i % 2 ? c2 : c1 })));
    const bossActor: Actor = { id: admin, role: 'admin', via: 'cli' };
    await connectAsAdmin(A, bossActor, { hubUrl: hub.url, fingerprint: hub.fingerprint, setupCode: hub.setupCode, stationName: 'lead' }, NOW());
    await syncOnce(A);
    const code = await enrollStation(A, bossActor, { userNames: ['c1'], replica: 'partial' }, NOW());
    const B = await newStore('c1');
    await joinAsStation(B, { hubUrl: hub.url, fingerprint: hub.fingerprint, code: code.code, stationName: 'c1' }, NOW());
    await syncOnce(B);
    const caseId = B.prepare(`SELECT id FROM cases WHERE case_no = 'R0'`).pluck().get() as string;
    logCall(B, c1, caseId);
    await syncOnce(B);
    reassign(A, admin, caseId, c2);
    await syncOnce(A);
    expect((await syncOnce(B)).wiped).toBe(1);
    expect(B.prepare('SELECT count(*) FROM cases WHERE id = ?').pluck().get(caseId)).toBe(0);
    reassign(A, admin, caseId, c1);
    await syncOnce(A);
    await syncOnce(B);
    expect(B.prepare('SELECT count(*) FROM hub_parked').pluck().get()).toBe(0);
    expect(snapshot(B, [caseId])).toEqual(snapshot(A, [caseId]));
    expect(B.prepare('SELECT notes FROM activities WHERE case_id = ?').pluck().all(caseId)).toEqual(['无人接听']);
    A.close();
    B.close();
  }, 120_000);
});
