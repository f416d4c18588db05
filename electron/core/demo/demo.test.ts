import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localMinuteOfDay } from '../../../shared/compliance/zoned';
import { setupApp, value } from '../../../test/helpers/core';
import { generateDemo } from './demo';

describe('demo data', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;
  beforeEach(async () => (env = await setupApp()));
  afterEach(() => env.cleanup());

  it('builds a living data set that keeps the calling rules, for both clients, a lead and collectors', async () => {
    const admin = value(await env.app.dispatch('app.status', {})).user!;
    const sum = await generateDemo(env.db, { id: admin.id, role: 'admin', via: 'cli' }, { cases: 600, password: 'demo-pass-1', now: new Date('2026-11-24T04:00:00Z') });
    expect(sum.cases).toBe(600);
    expect(sum.activities).toBeGreaterThan(1500);
    expect(sum.promises).toBeGreaterThan(20);
    expect(sum.users.map((u) => u.name)).toEqual(['lead', 'c1', 'c2', 'c3']);
    const n = (sql: string) => (env.db.prepare(sql).get() as { n: number }).n;
    expect(n("SELECT count(DISTINCT client_id) AS n FROM cases")).toBe(2);
    expect(n("SELECT count(*) AS n FROM cases WHERE assigned_to IS NOT NULL")).toBeGreaterThan(500);
    // Every activity inside 08:00–22:00 in Shanghai and no number called more than 6 times a day.
    const times = env.db.prepare('SELECT started_at FROM activities').all() as { started_at: string }[];
    expect(times.every((t) => { const m = localMinuteOfDay(new Date(t.started_at), 'Asia/Shanghai'); return m >= 480 && m < 1320; })).toBe(true);
    expect(n("SELECT max(c) AS n FROM (SELECT count(*) AS c FROM activities GROUP BY phone, substr(started_at, 1, 10))")).toBeLessThanOrEqual(6);
    // Balances reflect the bank payments.
    expect(n('SELECT count(*) AS n FROM cases c WHERE c.balance_fen != c.placed_amount_fen - coalesce((SELECT sum(amount_fen) FROM payments p WHERE p.case_id = c.id), 0)')).toBe(0);
    // A demo collector signs in and sees only their portfolio.
    await env.app.dispatch('auth.signOut', {});
    value(await env.app.dispatch('auth.signIn', { name: 'c1', password: 'demo-pass-1' }));
    const mine = value(await env.app.dispatch('cases.list', {}));
    // The working queue: c1's cases but the paid ones (found by search or the status filter).
    expect(mine.total).toBe(n(`SELECT count(*) AS n FROM cases WHERE assigned_to = (SELECT id FROM users WHERE name = 'c1') AND status <> 'paid'`));
  });
});
