import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addClient } from '../clients/clients';
import { settlePromises } from '../promises/settle';
import { PASSPHRASE, setupApp, value } from '../../../test/helpers/core';
import { runCliInProcess } from '../../../test/helpers/cli';
import { shippedProfile } from '../../../test/helpers/fixtures';
import { kpiReport } from './kpi-report';
import type { Actor } from '../auth/actor';

/**
 * A small fixed data set whose KPIs are computed by hand below.
 *   batch B1: placed 2026-11-01, due back 2026-11-30   batch B2: placed 2026-11-01, due back 2026-12-31
 *   K1 B1 M3 1,000.00 u1 | K2 B1 M4 2,000.00 u2 | K3 B2 M5 3,000.00 u1 | K4 B2 M4 4,000.00 unassigned, never worked
 *   payments: K1 100.00 on 11-10 (in term), K1 50.00 on 12-05 (after B1's term: not counted), K3 300.00 on 11-20
 *   activities: K1 NO_ANSWER 11-05, K1 REFUSED (debtor) 11-06, K2 LEFT_MESSAGE (related) 11-07, K3 PTP (debtor) 11-08, K3 CALLBACK (debtor) 11-09
 *   promises: K1 100.00 made 11-06 due 11-12 (kept by the 11-10 payment), K3 500.00 made 11-08 due 11-25 (300.00 paid: partly kept)
 *   commission: M3 10 %, otherwise 20 %.
 */
const TODAY = '2026-11-26';

describe('KPIs on a hand-computed data set', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;
  let admin: Actor;
  const ids: Record<string, string> = {};
  beforeEach(async () => {
    env = await setupApp();
    const a = value(await env.app.dispatch('app.status', {})).user!;
    admin = { id: a.id, role: 'admin', via: 'ui' };
    ids.u1 = value(await env.app.dispatch('users.add', { name: 'u1', displayName: '一号', role: 'collector', password: 'password-1' })).id;
    ids.u2 = value(await env.app.dispatch('users.add', { name: 'u2', displayName: '二号', role: 'collector', password: 'password-2' })).id;
    const client = addClient(env.db, admin, { ...shippedProfile('bank-a', 'bank-t'), commission: { rates: [{ stage: 'M3', rate: 0.1 }], defaultRate: 0.2 } }, 't');
    const db = env.db;
    const t = 't';
    for (const [b, due] of [['B1', '2026-11-30'], ['B2', '2026-12-31']] as const) {
      db.prepare(`INSERT INTO batches (id, client_id, batch_no, file_name, sha256, placed_at, due_back_at, hand, imported_at, created_by) VALUES (?, ?, ?, ?, ?, '2026-11-01', ?, 1, ?, ?)`).run(b, client.id, b, `${b}.csv`, b, due, t, a.id);
    }
    const cases: [string, string, string, number, string | null][] = [['K1', 'B1', 'M3', 1000_00, ids.u1!], ['K2', 'B1', 'M4', 2000_00, ids.u2!], ['K3', 'B2', 'M5', 3000_00, ids.u1!], ['K4', 'B2', 'M4', 4000_00, null]];
    for (const [k, b, stage, fen, to] of cases) {
      db.prepare(`INSERT INTO debtors (id, client_id, name, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)`).run(`d${k}`, client.id, k, t, a.id, t);
      db.prepare(`INSERT INTO cases (id, client_id, batch_id, debtor_id, case_no, placed_amount_fen, balance_fen, stage, assigned_to, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(k, client.id, b, `d${k}`, k, fen, fen, stage, to, t, a.id, t);
    }
    const pay = (k: string, ref: string, fen: number, day: string) => db.prepare(`INSERT INTO payments (id, client_id, case_id, kind, txn_ref, amount_fen, paid_at, created_at, created_by) VALUES (?, ?, ?, 'confirmed', ?, ?, ?, ?, ?)`).run(ref, client.id, k, ref, fen, day, t, a.id);
    pay('K1', 'P1', 100_00, '2026-11-10');
    pay('K1', 'P2', 50_00, '2026-12-05');
    pay('K3', 'P3', 300_00, '2026-11-20');
    const act = (id: string, k: string, day: string, party: string, code: string, who: string) =>
      db.prepare(`INSERT INTO activities (id, case_id, debtor_id, collector_id, channel, party, started_at, recorded_at, result_code, created_by) VALUES (?, ?, ?, ?, 'call', ?, ?, ?, ?, ?)`).run(id, k, `d${k}`, who, party, `${day}T02:00:00.000Z`, t, code, who);
    act('a1', 'K1', '2026-11-05', 'none', 'NO_ANSWER', ids.u1!);
    act('a2', 'K1', '2026-11-06', 'debtor', 'REFUSED', ids.u1!);
    act('a3', 'K2', '2026-11-07', 'related', 'LEFT_MESSAGE', ids.u2!);
    act('a4', 'K3', '2026-11-08', 'debtor', 'PTP', ids.u1!);
    act('a5', 'K3', '2026-11-09', 'debtor', 'CALLBACK', ids.u1!);
    const promise = (id: string, k: string, fen: number, made: string, due: string) => db.prepare(`INSERT INTO promises (id, case_id, amount_fen, due_date, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)`).run(id, k, fen, due, `${made}T02:00:00.000Z`, a.id);
    promise('pr1', 'K1', 100_00, '2026-11-06', '2026-11-12');
    promise('pr3', 'K3', 500_00, '2026-11-08', '2026-11-25');
    settlePromises(db, TODAY, '2026-11-26T00:00:00.000Z');
  });
  afterEach(() => env.cleanup());

  const report = (q: Partial<Parameters<typeof kpiReport>[2]> = {}, actor = admin) => kpiReport(env.db, actor, { clientCode: 'bank-t', ...q }, TODAY);

  it('settles the promises as the story says', () => {
    expect(env.db.prepare('SELECT id, status, paid_fen FROM promises ORDER BY id').all()).toEqual([{ id: 'pr1', status: 'kept', paid_fen: 10000 }, { id: 'pr3', status: 'partly_kept', paid_fen: 30000 }]);
  });

  it('totals', () => {
    expect(report().total).toEqual({
      cases: 4, placedFen: 1_000_000, recoveredFen: 40_000, recoveryRateAmount: 0.04, recoveredCases: 2, recoveryRateCount: 0.5,
      workedCases: 3, contactRate: 1, rpcRate: 2 / 3, ptpRate: 2 / 3, ptpKeptRateCount: 0.5, ptpKeptRateAmount: 40_000 / 60_000, commissionFen: 7_000,
    });
  });

  it('by collector, with the unassigned and never-worked case giving nulls, not zeros', () => {
    expect(report({ by: 'collector' }).rows).toEqual([
      { key: '', label: '(unassigned)', cases: 1, placedFen: 400_000, recoveredFen: 0, recoveryRateAmount: 0, recoveredCases: 0, recoveryRateCount: 0, workedCases: 0, contactRate: null, rpcRate: null, ptpRate: null, ptpKeptRateCount: null, ptpKeptRateAmount: null, commissionFen: 0 },
      ...[
        { key: ids.u1, label: '一号', cases: 2, placedFen: 400_000, recoveredFen: 40_000, recoveryRateAmount: 0.1, recoveredCases: 2, recoveryRateCount: 1, workedCases: 2, contactRate: 1, rpcRate: 1, ptpRate: 2 / 3, ptpKeptRateCount: 0.5, ptpKeptRateAmount: 40_000 / 60_000, commissionFen: 7_000 },
        { key: ids.u2, label: '二号', cases: 1, placedFen: 200_000, recoveredFen: 0, recoveryRateAmount: 0, recoveredCases: 0, recoveryRateCount: 0, workedCases: 1, contactRate: 1, rpcRate: 0, ptpRate: null, ptpKeptRateCount: null, ptpKeptRateAmount: null, commissionFen: 0 },
      ].sort((x, y) => (x.key! < y.key! ? -1 : 1)),
    ]);
  });

  it('by batch: a payment after the placement term does not count', () => {
    expect(report({ by: 'batch' }).rows).toEqual([
      { key: 'B1', label: 'B1', cases: 2, placedFen: 300_000, recoveredFen: 10_000, recoveryRateAmount: 10_000 / 300_000, recoveredCases: 1, recoveryRateCount: 0.5, workedCases: 2, contactRate: 1, rpcRate: 0.5, ptpRate: 1, ptpKeptRateCount: 1, ptpKeptRateAmount: 1, commissionFen: 1_000 },
      { key: 'B2', label: 'B2', cases: 2, placedFen: 700_000, recoveredFen: 30_000, recoveryRateAmount: 30_000 / 700_000, recoveredCases: 1, recoveryRateCount: 0.5, workedCases: 1, contactRate: 1, rpcRate: 1, ptpRate: 0.5, ptpKeptRateCount: 0, ptpKeptRateAmount: 0.6, commissionFen: 6_000 },
    ]);
  });

  it('by stage, with the commission rate of each stage', () => {
    const rows = report({ by: 'stage' }).rows;
    expect(rows.map((r) => [r.key, r.cases, r.placedFen, r.recoveredFen, r.recoveredCases, r.workedCases, r.rpcRate, r.ptpRate, r.ptpKeptRateCount, r.ptpKeptRateAmount, r.commissionFen])).toEqual([
      ['M3', 1, 100_000, 10_000, 1, 1, 1, 1, 1, 1, 1_000],
      ['M4', 2, 600_000, 0, 0, 1, 0, null, null, null, 0],
      ['M5', 1, 300_000, 30_000, 1, 1, 1, 0.5, 0, 0.6, 6_000],
    ]);
  });

  it('a period selects activities, promises and payments by their own dates; placed amounts stay those of the cases', () => {
    expect(report({ from: '2026-11-08', to: '2026-11-30' }).total).toEqual({
      cases: 4, placedFen: 1_000_000, recoveredFen: 40_000, recoveryRateAmount: 0.04, recoveredCases: 2, recoveryRateCount: 0.5,
      workedCases: 1, contactRate: 1, rpcRate: 1, ptpRate: 0.5, ptpKeptRateCount: 0.5, ptpKeptRateAmount: 40_000 / 60_000, commissionFen: 7_000,
    });
    expect(report({ from: '2026-11-21', to: '2026-11-30' }).total).toMatchObject({ recoveredFen: 0, workedCases: 0, contactRate: null, ptpRate: null, ptpKeptRateCount: 0, ptpKeptRateAmount: 0.6 });
  });

  it('gives a collector only their own figures', () => {
    const mine = report({ by: 'collector' }, { id: ids.u2!, role: 'collector', via: 'ui' });
    expect(mine.total).toMatchObject({ cases: 1, placedFen: 200_000 });
    expect(mine.rows.map((r) => r.key)).toEqual([ids.u2]);
  });

  it('the CLI `report kpi --json` gives the same figures as the dashboard’s kpi.report, for every grouping and a period', async () => {
    for (const extra of [[], ['--by', 'collector'], ['--by', 'batch'], ['--by', 'stage', '--from', '2026-11-08', '--to', '2026-11-30']]) {
      const cli = await runCliInProcess(['report', 'kpi', '--client', 'bank-t', ...extra, '--data', env.dataDir, '--json'], { COLLECTDESK_PASSPHRASE: PASSPHRASE });
      expect(cli.code, cli.stderr).toBe(0);
      const by = extra[1] as 'collector' | 'batch' | 'stage' | undefined;
      const dash = value(await env.app.dispatch('kpi.report', { clientCode: 'bank-t', by, from: extra[3], to: extra[5] }));
      expect(cli.json).toEqual({ ok: true, ...dash });
      expect(dash.total.cases).toBe(4);
    }
  });
});
