import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { uuidv7 } from '../../../shared/domain/ids';
import { KPI_GROUPINGS, type KpiCounts, type KpiGrouping } from '../../../shared/kpi/kpi';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import type { Actor } from '../auth/actor';
import { openDatabase, type Db } from '../db/open';
import { MIGRATIONS } from '../db/migrations/index';
import { getClient, updateClient } from '../clients/clients';
import { generateDemo } from '../demo/demo';
import { settlePromises } from '../promises/settle';
import { baseCounts, kpiCounts, kpiScope } from './kpi-report';
import { tableCounts } from './kpi-tables';
import { moveCaseToBatch } from './case-batch';
import { kpiTrend } from './kpi-trend';
import { kpiDrill } from './kpi-drill';
import { DRILL_METRICS } from '../../../shared/contract/leads';
import { standardOffsetMinutes, zonedInstant, addDays } from '../../../shared/compliance/zoned';
import type { KpiTrendPoint } from '../../../shared/kpi/kpi';

/** The daily trend counted from the base rows: the definition kpi_day follows. */
function baseTrend(db: Db, actor: Actor, clientCode: string): KpiTrendPoint[] {
  const s = kpiScope(db, actor, { clientCode }, TODAY);
  const span = db.prepare(`SELECT min(b.placed_at) AS first, max(b.due_back_at) AS last, sum(c.placed_amount_fen) AS placed FROM cases c JOIN batches b ON b.id = c.batch_id WHERE ${s.where}`).get(s.params) as { first: string | null; last: string | null; placed: number | null };
  const from = span.first;
  const last = span.last && span.last < TODAY ? span.last : TODAY;
  if (!from || !last) return [];
  const shift = `'${standardOffsetMinutes(s.tz)} minutes'`;
  const p = { ...s.params, fromDay: from, toDay: last, fromAt: zonedInstant(from, 0, 0, s.tz).toISOString(), toAt: zonedInstant(addDays(last, 1), 0, 0, s.tz).toISOString() };
  const daily = (sql: string) => new Map((db.prepare(sql).all(p) as { day: string; n: number }[]).map((r) => [r.day, r.n]));
  const paid = daily(`SELECT p.paid_at AS day, sum(p.amount_fen) AS n FROM payments p JOIN cases c ON c.id = p.case_id JOIN batches b ON b.id = c.batch_id
    WHERE ${s.where} AND p.kind = 'confirmed' AND p.paid_at >= coalesce(b.placed_at, '') AND p.paid_at <= coalesce(b.due_back_at, '9999') AND p.paid_at >= @fromDay AND p.paid_at <= @toDay GROUP BY 1`);
  const worked = daily(`SELECT date(a.started_at, ${shift}) AS day, count(DISTINCT a.case_id) AS n FROM activities a JOIN cases c ON c.id = a.case_id
    WHERE ${s.where} AND a.started_at >= @fromAt AND a.started_at < @toAt GROUP BY 1`);
  const rpc = daily(`SELECT date(a.started_at, ${shift}) AS day, count(*) AS n FROM activities a JOIN cases c ON c.id = a.case_id
    WHERE ${s.where} AND a.started_at >= @fromAt AND a.started_at < @toAt AND a.party = 'debtor' AND a.result_code NOT IN ('NO_ANSWER', 'BUSY', 'POWERED_OFF', 'DISCONNECTED') GROUP BY 1`);
  const promises = daily(`SELECT date(pr.created_at, ${shift}) AS day, count(*) AS n FROM promises pr JOIN cases c ON c.id = pr.case_id
    WHERE ${s.where} AND pr.created_at >= @fromAt AND pr.created_at < @toAt GROUP BY 1`);
  const out: KpiTrendPoint[] = [];
  let cumulative = 0;
  for (let day = from; day <= last; day = addDays(day, 1)) {
    const fen = paid.get(day) ?? 0;
    cumulative += fen;
    out.push({ day, recoveredFen: fen, cumulativeRecoveredFen: cumulative, recoveryRateAmount: span.placed ? cumulative / span.placed : null, workedCases: worked.get(day) ?? 0, rpcContacts: rpc.get(day) ?? 0, promises: promises.get(day) ?? 0 });
  }
  return out;
}

const PASS = 'correct horse battery staple';
// The trend's definition counts activities and promises by day of the client's zone, payments by payment date.
const NOW = new Date('2026-11-24T02:00:00Z');
const TODAY = '2026-11-24';
/** periods that cut through the demo's activities, promises and payments */
const PERIODS = [{ from: '2026-11-10', to: '2026-11-20' }, { from: '2026-11-18' }, { to: '2026-10-31' }, { from: '2026-11-21', to: '2026-11-21' }, { from: '2026-11-20', to: TODAY }, { from: TODAY, to: TODAY }, { to: '2099-12-31' }];

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
          for (const period of PERIODS) {
            const p = kpiScope(db, actor, { clientCode, ...period }, TODAY);
            expect(sorted(kpiCounts(db, p, by)), `${clientCode} by ${by} as ${actor.role} ${JSON.stringify(period)}`).toEqual(sorted(baseCounts(db, p, by)));
          }
        }
        // the cases behind each number: read through kpi_case without a period, as the base rows give them with a
        // period that holds everything
        const keys = [undefined, ...[...tableCounts(db, kpiScope(db, actor, { clientCode }, TODAY), 'collector').keys()].slice(0, 2).map((key) => ({ by: 'collector' as const, key })),
          { by: 'stage' as const, key: 'M2' }];
        for (const metric of DRILL_METRICS) {
          for (const g of keys) {
            const q = { clientCode, metric, ...g, page: 0, pageSize: 500 };
            const label = `${clientCode} drill ${metric} ${JSON.stringify(g)} as ${actor.role}`;
            expect(kpiDrill(db, actor, q, TODAY), label).toEqual(kpiDrill(db, actor, { ...q, from: '2000-01-01', to: '2099-12-31' }, TODAY));
          }
        }
        const trend = kpiTrend(db, actor, { clientCode }, TODAY);
        if (actor === admin) {
          const kinds = [trend.some((d) => d.workedCases > 0), trend.some((d) => d.rpcContacts > 0), trend.some((d) => d.promises > 0), trend.some((d) => d.recoveredFen > 0)];
          expect(kinds, `${clientCode}: a trend with every kind of count`).toEqual([true, true, true, true]);
        }
        expect(trend, `${clientCode} trend as ${actor.role}`).toEqual(baseTrend(db, actor, clientCode));
      }
    }
  }

  it('are filled by the migrations from a store that had none', async () => {
    const { db, dataDir, admin } = await store();
    await generateDemo(db, admin, { cases: 400, collectors: 3, password: 'demo-password-1', now: NOW });
    // as before the KPI migrations (5, 6, 8), the data kept: the KPI tables, their triggers and the clients' day shift gone
    for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kpi%'").pluck().all() as string[]) db.exec(`DROP TRIGGER ${t}`);
    db.exec(`DROP TABLE kpi_case; DROP TABLE kpi_group; DROP TABLE kpi_promise_day; DROP TABLE kpi_day; ALTER TABLE clients DROP COLUMN day_shift_minutes;
      DELETE FROM schema_migrations WHERE version IN (5, 6, 8);`);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kpi%'").pluck().get()).toBe(0);
    db.prepare("UPDATE clients SET timezone = 'America/New_York', profile_json = json_set(profile_json, '$.timezone', 'America/New_York') WHERE code = 'bank-b'").run();
    db.close();
    const reopened = (await openDatabase({ dataDir, secret: { passphrase: PASS } })).db;
    try {
      expect(reopened.prepare('SELECT count(*) FROM kpi_group').pluck().get()).toBeGreaterThan(4);
      expect(reopened.prepare("SELECT code, day_shift_minutes AS shift FROM clients ORDER BY code").all()).toEqual([{ code: 'bank-a', shift: 480 }, { code: 'bank-b', shift: -300 }]);
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
      // payments the bank reverses (冲正): in the term and after it, a case's only payment and one of several
      const reversed = db.prepare("SELECT id FROM payments WHERE kind = 'confirmed' ORDER BY case_id, id").pluck().all() as string[];
      expect(reversed.length).toBeGreaterThan(40);
      for (const id of reversed.filter((_, i) => i % 5 === 1)) {
        db.prepare(`INSERT INTO payment_reversals (id, client_id, case_id, kind, txn_ref, amount_fen, paid_at, channel, import_id, created_at, created_by, reversal_ref, reversed_at, reversal_created_at)
          SELECT id, client_id, case_id, kind, txn_ref, amount_fen, paid_at, channel, import_id, created_at, created_by, 'R-' || id, paid_at, 't' FROM payments WHERE id = ?`).run(id);
        db.prepare('DELETE FROM payments WHERE id = ?').run(id);
      }
      expectKeptEqualsBase(db, admin);
      // a settled promise's case moves to another collector; then a batch's term is shortened
      db.prepare("UPDATE cases SET assigned_to = ? WHERE id IN (SELECT case_id FROM promises WHERE status != 'pending' LIMIT 20)").run(collectors[1]);
      db.prepare("UPDATE batches SET due_back_at = '2026-11-15' WHERE id = (SELECT batch_id FROM cases c JOIN payments p ON p.case_id = c.id LIMIT 1)").run();
      expectKeptEqualsBase(db, admin);
      // cases with payments placed again in another batch of their client, whose term takes in other payments
      const moving = db.prepare("SELECT DISTINCT c.id, c.client_id, c.batch_id FROM cases c JOIN payments p ON p.case_id = c.id WHERE p.kind = 'confirmed' ORDER BY c.id LIMIT 6").all() as { id: string; client_id: string; batch_id: string }[];
      expect(new Set(moving.map((m) => m.client_id)).size).toBe(2);
      for (const m of moving) {
        const target = db.prepare('SELECT id FROM batches WHERE client_id = ? AND id != ? ORDER BY id LIMIT 1').pluck().get(m.client_id, m.batch_id) as string;
        db.prepare("UPDATE batches SET placed_at = '2026-11-21', due_back_at = '2031-06-01' WHERE id = ?").run(target);
        moveCaseToBatch(db, m.id, target);
      }
      expectKeptEqualsBase(db, admin);
      // a client whose profile moves to another time zone: its days are counted again on the new calendar
      updateClient(db, admin, { ...getClient(db, 'bank-b').profile, timezone: 'America/New_York' }, NOW.toISOString());
      expect(db.prepare("SELECT day_shift_minutes FROM clients WHERE code = 'bank-b'").pluck().get()).toBe(-300);
      expectKeptEqualsBase(db, admin);
    } finally {
      db.close();
    }
  });
});
