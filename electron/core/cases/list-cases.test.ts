import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupApp, value } from '../../../test/helpers/core';
import { seedCases } from '../../../test/helpers/seed';
import { listCases } from './list-cases';

const NOW = new Date('2026-11-24T02:00:00Z');
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }).format(NOW);

describe('the work queue order and filters', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;
  let admin: { id: string; role: 'admin'; via: 'ui' };
  beforeEach(async () => {
    env = await setupApp();
    const a = value(await env.app.dispatch('app.status', {})).user!;
    admin = { id: a.id, role: 'admin', via: 'ui' };
    seedCases(env.db, a.id, Array.from({ length: 12 }, (_, i) => ({ caseNo: `Q${String(i).padStart(2, '0')}`, debtorName: `债务人${i}`, balanceFen: (i + 1) * 1000_00, assignedTo: a.id })));
    const id = (no: string) => (env.db.prepare('SELECT id FROM cases WHERE case_no = ?').get(no) as { id: string }).id;
    const promise = (no: string, due: string, status = 'pending') =>
      env.db.prepare(`INSERT INTO promises (id, case_id, amount_fen, due_date, status, created_at, created_by) VALUES (?, ?, 100, ?, ?, 't', ?)`).run(`p-${no}-${due}`, id(no), due, status, a.id);
    promise('Q01', TODAY);
    promise('Q03', TODAY);
    promise('Q05', '2026-11-01'); // pending and past: broken
    env.db.prepare(`UPDATE cases SET next_action_at = '2026-11-23T08:00:00.000Z' WHERE case_no IN ('Q02', 'Q03', 'Q07')`).run();
    env.db.prepare(`UPDATE cases SET next_action_at = '2026-12-30T08:00:00.000Z' WHERE case_no = 'Q09'`).run();
  });
  afterEach(() => env.cleanup());

  const nos = (q: Parameters<typeof listCases>[2]) => listCases(env.db, admin, q, NOW).rows.map((r) => r.caseNo);

  it('puts promises due today first, then next actions due, then the highest balance — and pages across them', () => {
    const expected = ['Q03', 'Q01', 'Q07', 'Q02', 'Q11', 'Q10', 'Q09', 'Q08', 'Q06', 'Q05', 'Q04', 'Q00'];
    expect(nos({})).toEqual(expected);
    const pages = [0, 1, 2].flatMap((page) => nos({ page, pageSize: 5 }));
    expect(pages).toEqual(expected);
    expect(nos({ page: 0, pageSize: 3 })).toEqual(expected.slice(0, 3));
  });

  it('filters by due bucket in SQLite and counts each bucket', () => {
    const r = listCases(env.db, admin, { due: 'promises_today' }, NOW);
    expect(r.rows.map((x) => x.caseNo).sort()).toEqual(['Q01', 'Q03']);
    expect(r.counts).toEqual({ promisesToday: 2, nextActionsDue: 3, brokenPromises: 1 });
    expect(nos({ due: 'broken_promises' })).toEqual(['Q05']);
    expect(listCases(env.db, admin, { search: 'Q05' }, NOW).rows[0]).toMatchObject({ brokenPromise: true, promiseDueDate: '2026-11-01' });
  });

  it('sorts by a column either way and filters by balance band', () => {
    expect(nos({ sort: 'balance', dir: 'asc', pageSize: 3 })).toEqual(['Q00', 'Q01', 'Q02']);
    expect(nos({ sort: 'caseNo', dir: 'desc', pageSize: 2 })).toEqual(['Q11', 'Q10']);
    expect(nos({ sort: 'balance', dir: 'asc', minBalanceFen: 3000_00, maxBalanceFen: 5000_00 })).toEqual(['Q02', 'Q03', 'Q04']);
  });

  it('leaves paid cases out of the working queue and its counts, yet a search or the paid filter finds them', () => {
    env.db.prepare(`UPDATE cases SET balance_fen = 0, status = 'paid' WHERE case_no IN ('Q03', 'Q11')`).run();
    const r = listCases(env.db, admin, {}, NOW);
    expect(r.rows.map((x) => x.caseNo)).toEqual(['Q01', 'Q07', 'Q02', 'Q10', 'Q09', 'Q08', 'Q06', 'Q05', 'Q04', 'Q00']);
    expect(r.total).toBe(10);
    expect(r.counts).toEqual({ promisesToday: 1, nextActionsDue: 2, brokenPromises: 1 });
    expect(nos({ status: 'paid' }).sort()).toEqual(['Q03', 'Q11']);
    expect(nos({ search: 'Q11' })).toEqual(['Q11']);
  });

  it("counts each row's contact today in the debtor's local day: any activity, and outbound calls as attempts", () => {
    const c = (no: string) => env.db.prepare('SELECT id, debtor_id FROM cases WHERE case_no = ?').get(no) as { id: string; debtor_id: string };
    let n = 0;
    const activity = (no: string, at: string, channel = 'call', direction = 'outbound') => {
      const { id, debtor_id } = c(no);
      env.db
        .prepare(`INSERT INTO activities (id, case_id, debtor_id, collector_id, channel, direction, party, started_at, recorded_at, result_code, created_by) VALUES (?, ?, ?, ?, ?, ?, 'debtor', ?, ?, 'NO_ANSWER', ?)`)
        .run(`a${n++}`, id, debtor_id, admin.id, channel, direction, at, at, admin.id);
    };
    // The debtor of Q04 lives in Shanghai (UTC+8): their day 2026-11-24 began at 2026-11-23T16:00Z.
    env.db.prepare(`UPDATE debtors SET timezone = 'Asia/Shanghai' WHERE id = ?`).run(c('Q04').debtor_id);
    activity('Q04', '2026-11-23T15:59:00.000Z'); // the day before, there
    activity('Q04', '2026-11-23T16:30:00.000Z');
    activity('Q04', '2026-11-24T01:00:00.000Z');
    activity('Q04', '2026-11-24T01:10:00.000Z', 'call', 'inbound');
    activity('Q04', '2026-11-24T01:20:00.000Z', 'sms');
    // Q06: only a message today — contacted, no call attempt.
    env.db.prepare(`UPDATE debtors SET timezone = 'Asia/Shanghai' WHERE id = ?`).run(c('Q06').debtor_id);
    activity('Q06', '2026-11-24T00:00:00.000Z', 'sms');
    // Q08: a debtor in New York (UTC−5), whose day 2026-11-23 is still running at 02:00Z on the 24th.
    env.db.prepare(`UPDATE debtors SET timezone = 'America/New_York' WHERE id = ?`).run(c('Q08').debtor_id);
    activity('Q08', '2026-11-23T06:00:00.000Z'); // 01:00 there on the 23rd: today
    activity('Q08', '2026-11-23T04:00:00.000Z'); // 23:00 there on the 22nd: not today
    const rows = new Map(listCases(env.db, admin, {}, NOW).rows.map((r) => [r.caseNo, r]));
    expect(rows.get('Q04')).toMatchObject({ contactedToday: true, attemptsToday: 2 });
    expect(rows.get('Q06')).toMatchObject({ contactedToday: true, attemptsToday: 0 });
    expect(rows.get('Q08')).toMatchObject({ contactedToday: true, attemptsToday: 1 });
    expect(rows.get('Q00')).toMatchObject({ contactedToday: false, attemptsToday: 0 });
  });
});
