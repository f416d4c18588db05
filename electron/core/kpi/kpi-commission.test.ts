import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addClient } from '../clients/clients';
import { PASSPHRASE, setupApp, value } from '../../../test/helpers/core';
import { runCliInProcess } from '../../../test/helpers/cli';
import { shippedProfile } from '../../../test/helpers/fixtures';
import { kpiReport } from './kpi-report';
import type { Actor } from '../auth/actor';

/**
 * Commission at 10 % on three payments of 0.15 元 (1.5 fen each), so each group's figure lands on a half fen:
 *   K1 B1 M1 u1 | K2 B1 M2 u2 | K3 B2 M3 u1
 * Rounded per group and then added, the totals would be 5 fen by batch (3 + 2), 5 by collector (3 + 2) and 6 by stage
 * (2 + 2 + 2). Rounded once, after adding, the total is 4.5 → 5 fen in every grouping.
 */
const TODAY = '2026-11-26';

describe('commission is rounded once, after adding', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;
  let admin: Actor;
  beforeEach(async () => {
    env = await setupApp();
    const a = value(await env.app.dispatch('app.status', {})).user!;
    admin = { id: a.id, role: 'admin', via: 'ui' };
    const u1 = value(await env.app.dispatch('users.add', { name: 'u1', displayName: '一号', role: 'collector', password: 'password-1' })).id;
    const u2 = value(await env.app.dispatch('users.add', { name: 'u2', displayName: '二号', role: 'collector', password: 'password-2' })).id;
    const client = addClient(env.db, admin, { ...shippedProfile('bank-a', 'bank-t'), commission: { rates: [], defaultRate: 0.1 } }, 't');
    const db = env.db;
    for (const b of ['B1', 'B2']) {
      db.prepare(`INSERT INTO batches (id, client_id, batch_no, file_name, sha256, placed_at, due_back_at, hand, imported_at, created_by) VALUES (?, ?, ?, ?, ?, '2026-11-01', '2026-12-31', 1, 't', ?)`).run(b, client.id, b, `${b}.csv`, b, a.id);
    }
    const cases: [string, string, string, string][] = [['K1', 'B1', 'M1', u1], ['K2', 'B1', 'M2', u2], ['K3', 'B2', 'M3', u1]];
    for (const [k, b, stage, to] of cases) {
      db.prepare(`INSERT INTO debtors (id, client_id, name, created_at, created_by, updated_at) VALUES (?, ?, ?, 't', ?, 't')`).run(`d${k}`, client.id, k, a.id);
      db.prepare(`INSERT INTO cases (id, client_id, batch_id, debtor_id, case_no, placed_amount_fen, balance_fen, stage, assigned_to, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, 100000, 100000, ?, ?, 't', ?, 't')`).run(k, client.id, b, `d${k}`, k, stage, to, a.id);
      db.prepare(`INSERT INTO payments (id, client_id, case_id, kind, txn_ref, amount_fen, paid_at, created_at, created_by) VALUES (?, ?, ?, 'confirmed', ?, 15, '2026-11-10', 't', ?)`).run(`P${k}`, client.id, k, `P${k}`, a.id);
    }
  });
  afterEach(() => env.cleanup());

  it('gives the same total by batch, collector and stage, with and without a period', () => {
    for (const period of [{}, { from: '2026-11-01', to: TODAY }]) {
      const totals = (['batch', 'collector', 'stage'] as const).map((by) => kpiReport(env.db, admin, { clientCode: 'bank-t', by, ...period }, TODAY).total.commissionFen);
      expect(totals, JSON.stringify(period)).toEqual([5, 5, 5]);
      expect(kpiReport(env.db, admin, { clientCode: 'bank-t', ...period }, TODAY).total.commissionFen).toBe(5);
      // each row is rounded once too: three half fen by stage
      expect(kpiReport(env.db, admin, { clientCode: 'bank-t', by: 'stage', ...period }, TODAY).rows.map((r) => r.commissionFen)).toEqual([2, 2, 2]);
    }
  });

  it('the all-clients view (kpi.clients) has one row per client and the same total, rounded once', async () => {
    const all = value(await env.app.dispatch('kpi.clients', {}));
    const one = value(await env.app.dispatch('kpi.report', { clientCode: 'bank-t' }));
    expect(all.rows.map((r) => [r.key, r.cases, r.commissionFen])).toEqual([['bank-t', 3, 5]]);
    expect(all.total).toEqual(one.total);
    const backwards = await env.app.dispatch('kpi.clients', { from: '2026-11-30', to: '2026-11-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('the CLI `report kpi --json` gives the same commissionFen in every grouping', async () => {
    const seen: number[] = [];
    for (const by of ['batch', 'collector', 'stage']) {
      const cli = await runCliInProcess(['report', 'kpi', '--client', 'bank-t', '--by', by, '--data', env.dataDir, '--json'], { COLLECTDESK_PASSPHRASE: PASSPHRASE });
      expect(cli.code, cli.stderr).toBe(0);
      seen.push((cli.json as { total: { commissionFen: number } }).total.commissionFen);
    }
    expect(seen).toEqual([5, 5, 5]);
  });
});
