import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { uuidv7 } from '../../../shared/domain/ids';
import { KPI_GROUPINGS, type KpiCounts, type KpiGrouping } from '../../../shared/kpi/kpi';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import type { Actor } from '../auth/actor';
import { openDatabase, type Db } from '../db/open';
import { MIGRATIONS } from '../db/migrations/index';
import { generateDemo } from '../demo/demo';
import { settlePromises } from '../promises/settle';
import { baseCounts, kpiScope } from './kpi-report';
import { tableCounts } from './kpi-tables';

const PASS = 'correct horse battery staple';
const NOW = new Date('2026-11-24T02:00:00Z');
const TODAY = '2026-11-24';

/**
 * The counts migration 5 keeps on write must always equal the definition counted from the base rows: after the
 * migration fills them from an existing store, and after every kind of write that moves them (new activities,
 * payments in and after the term, promises and their settlement, reassignment, a new stage, a batch's new term).
 */
describe('KPI counts kept on write', () => {
  let tmp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => tmp?.cleanup());

  async function store(migrations = MIGRATIONS): Promise<{ db: Db; dataDir: string; admin: Actor }> {
    tmp = makeTempDir();
    const dataDir = join(tmp.dir, 'data');
    const { db } = await openDatabase({ dataDir, secret: { passphrase: PASS }, create: true, migrations });
    const id = uuidv7();
    db.prepare(`INSERT INTO users (id, name, display_name, role, password_hash, password_changed_at, created_at) VALUES (?, 'admin', 'Admin', 'admin', 'x', 't', 't')`).run(id);
    return { db, dataDir, admin: { id, role: 'admin', via: 'cli' } };
  }

  function expectKeptEqualsBase(db: Db, admin: Actor): void {
    const clients = db.prepare('SELECT code FROM clients').pluck().all() as string[];
    const collector = db.prepare("SELECT id, role FROM users WHERE role = 'collector' LIMIT 1").get() as Actor;
    for (const clientCode of clients) {
      for (const actor of [admin, { ...collector, via: 'cli' as const }]) {
        for (const by of [...KPI_GROUPINGS, 'all'] as (KpiGrouping | 'all')[]) {
          const s = kpiScope(db, actor, { clientCode }, TODAY);
          const sorted = (m: Map<string, KpiCounts>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
          expect(sorted(tableCounts(db, s, by)), `${clientCode} by ${by} as ${actor.role}`).toEqual(sorted(baseCounts(db, s, by)));
        }
      }
    }
  }

  it('are filled by the migration from a store that had none', async () => {
    const { db, dataDir, admin } = await store(MIGRATIONS.filter((m) => m.version < 5));
    await generateDemo(db, admin, { cases: 400, collectors: 3, password: 'demo-password-1', now: NOW });
    db.close();
    const reopened = (await openDatabase({ dataDir, secret: { passphrase: PASS } })).db;
    try {
      expect(reopened.prepare('SELECT count(*) FROM kpi_group').pluck().get()).toBeGreaterThan(4);
      expectKeptEqualsBase(reopened, admin);
    } finally {
      reopened.close();
    }
  });

  it('follow every write that moves them', async () => {
    const { db, admin } = await store();
    try {
      await generateDemo(db, admin, { cases: 400, collectors: 3, password: 'demo-password-1', now: NOW });
      expectKeptEqualsBase(db, admin);
      const collectors = db.prepare("SELECT id FROM users WHERE role = 'collector'").pluck().all() as string[];
      const cases = db.prepare('SELECT id, client_id AS clientId, debtor_id AS debtorId FROM cases ORDER BY id').all() as { id: string; clientId: string; debtorId: string }[];
      const pick = (i: number) => cases[(i * 37) % cases.length]!;
      db.transaction(() => {
        // reassignment (to another collector, and back to nobody), a new stage, a new placed amount
        for (let i = 0; i < 60; i++) db.prepare('UPDATE cases SET assigned_to = ? WHERE id = ?').run(i % 7 === 0 ? null : collectors[i % collectors.length], pick(i).id);
        for (let i = 60; i < 90; i++) db.prepare("UPDATE cases SET stage = CASE WHEN stage = 'M2' THEN 'M3' ELSE 'M2' END WHERE id = ?").run(pick(i).id);
        db.prepare('UPDATE cases SET placed_amount_fen = placed_amount_fen + 100 WHERE id = ?').run(pick(91).id);
        // activities of every kind of outcome
        const codes: [string, string][] = [['NO_ANSWER', 'none'], ['REFUSED', 'debtor'], ['LEFT_MESSAGE', 'related'], ['DISCONNECTED', 'none'], ['PTP', 'debtor']];
        for (let i = 100; i < 160; i++) {
          const c = pick(i);
          const [code, party] = codes[i % codes.length]!;
          db.prepare(`INSERT INTO activities (id, case_id, debtor_id, collector_id, channel, party, started_at, recorded_at, result_code, created_by) VALUES (?, ?, ?, ?, 'call', ?, ?, ?, ?, ?)`)
            .run(uuidv7(), c.id, c.debtorId, collectors[0], party, '2026-11-23T03:00:00.000Z', 't', code, admin.id);
        }
        // confirmed payments in the term and long after it, a claimed one; promises due before today and after
        for (let i = 160; i < 200; i++) {
          const c = pick(i);
          const day = i % 3 === 0 ? '2031-01-01' : '2026-11-20';
          db.prepare(`INSERT INTO payments (id, client_id, case_id, kind, txn_ref, amount_fen, paid_at, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 't', ?)`)
            .run(uuidv7(), c.clientId, c.id, i % 5 === 0 ? 'claimed' : 'confirmed', `T${i}`, 5000 + i, day, admin.id);
          db.prepare(`INSERT INTO promises (id, case_id, amount_fen, due_date, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)`)
            .run(uuidv7(), c.id, 4000 + i, i % 2 === 0 ? '2026-11-21' : '2026-11-30', '2026-11-19T02:00:00.000Z', admin.id);
        }
      })();
      settlePromises(db, TODAY, NOW.toISOString());
      expectKeptEqualsBase(db, admin);
      // a settled promise's case moves to another collector; then a batch's term is shortened
      db.prepare("UPDATE cases SET assigned_to = ? WHERE id IN (SELECT case_id FROM promises WHERE status != 'pending' LIMIT 20)").run(collectors[1]);
      db.prepare("UPDATE batches SET due_back_at = '2026-11-15' WHERE id = (SELECT batch_id FROM cases c JOIN payments p ON p.case_id = c.id LIMIT 1)").run();
      expectKeptEqualsBase(db, admin);
    } finally {
      db.close();
    }
  });
});
