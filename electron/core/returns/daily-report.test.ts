import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { value } from '../../../test/helpers/core';
import { setupWithClients } from '../../../test/helpers/import';
import { kpiReport } from '../kpi/kpi-report';
import { kpiTrend } from '../kpi/kpi-trend';
import { dailyFigures, dailyTable } from './daily-report';
import { resolvePeriod } from './period';
import { seedReturnsPeriod } from './test-support';

describe('the daily report', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  beforeEach(async () => {
    env = await setupWithClients();
    const u = value(await env.app.dispatch('users.add', { name: 'c1', displayName: '催收员甲', role: 'collector', password: 'password-1' }));
    seedReturnsPeriod(env.db, 'bank-a', u.id);
    seedReturnsPeriod(env.db, 'bank-b', u.id, 'B');
  });
  afterEach(() => env.cleanup());

  it('has the KPI figures of the dashboard and report kpi, day by day and for the period', () => {
    const q = { clientCode: 'bank-a', from: '2026-11-04', to: '2026-11-08' };
    const period = resolvePeriod(env.db, env.actor, q);
    const days = dailyFigures(env.db, env.actor, period);
    const trend = kpiTrend(env.db, env.actor, q, q.to);
    expect(days.map((d) => [d.date, d.workedCases, d.rpcContacts, d.promises, d.recoveredAmount])).toEqual(trend.map((t) => [t.day, t.workedCases, t.rpcContacts, t.promises, t.recoveredFen]));
    const kpi = kpiReport(env.db, env.actor, q, q.to).total;
    const section = { sheet: '日报', columns: [{ header: '作业户数', field: 'workedCases' as const }, { header: '回款', field: 'recoveredAmount' as const }], totalRow: true, totalLabel: '合计' };
    expect(dailyTable(env.db, env.actor, period, section).rows.at(-1)).toEqual([kpi.workedCases, { fen: kpi.recoveredFen }]);
    expect(kpi.workedCases).toBe(2);
    // the 8th (Shanghai) holds a4; attempts, contacts and the amount promised are counted beside the KPIs
    expect(days.map((d) => [d.date, d.attempts, d.contacts, d.promisedAmount])).toEqual([
      ['2026-11-04', 0, 0, 0], ['2026-11-05', 3, 3, 100000], ['2026-11-06', 1, 0, 0], ['2026-11-07', 0, 0, 0], ['2026-11-08', 1, 1, 0],
    ]);
  });
});
