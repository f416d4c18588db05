import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock, setupApp, value } from '../../../test/helpers/core';
import { seedCases } from '../../../test/helpers/seed';
import { searchTerms } from './case-search';
import { SEARCH_WINDOWS } from './search-limit';

const START = '2026-11-24T02:00:00.000Z';

describe('finding a case by its number, in any case or by its end, and by a phone’s last four', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;

  beforeEach(async () => {
    env = await setupApp(manualClock(START));
    const zhang = value(await env.app.dispatch('users.add', { name: 'zhang', displayName: '张三', role: 'collector', password: 'collector-pass' })).id;
    const li = value(await env.app.dispatch('users.add', { name: 'li', displayName: '李四', role: 'collector', password: 'collector-pass' })).id;
    value(await env.app.dispatch('users.add', { name: 'wang', displayName: '王组长', role: 'lead', password: 'lead-password' }));
    const admin = value(await env.app.dispatch('app.status', {})).user!;
    seedCases(env.db, admin.id, [
      { caseNo: 'CC2611000123', debtorName: '赵一明', balanceFen: 100_00, assignedTo: zhang },
      { caseNo: 'CC2611004567', debtorName: '钱二', balanceFen: 200_00, assignedTo: zhang },
      { caseNo: 'CC2611_09%9', debtorName: '孙三丰', balanceFen: 300_00, assignedTo: zhang },
      { caseNo: 'CC2611007777', debtorName: '李五', balanceFen: 400_00, assignedTo: li },
    ]);
    const mobile = (no: string, m: string) => env.db.prepare('UPDATE debtors SET mobile = ? WHERE id = (SELECT debtor_id FROM cases WHERE case_no = ?)').run(m, no);
    mobile('CC2611000123', '13912345678');
    mobile('CC2611004567', '13700000000');
    mobile('CC2611_09%9', '13600000001');
    mobile('CC2611007777', '13800005678');
    env.db
      .prepare(`INSERT INTO contact_persons (id, debtor_id, relation, name, phone, source, created_at, created_by, updated_at) VALUES ('cp-1', (SELECT debtor_id FROM cases WHERE case_no = 'CC2611004567'), 'spouse', '周某', '13655554321', 'bank', ?, ?, ?)`)
      .run(START, admin.id, START);
    await env.app.dispatch('auth.signOut', {});
  });
  afterEach(() => env.cleanup());

  const signIn = async (name: string, password: string) => value(await env.app.dispatch('auth.signIn', { name, password }));
  const found = async (text: string) => value(await env.app.dispatch('cases.list', { search: text })).rows.map((r) => r.caseNo).sort();
  const audited = () => (env.db.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'pii.search'").get() as { n: number }).n;

  it('reads four digits as a phone’s last four too, and nothing longer or shorter', () => {
    expect(searchTerms('5678')).toMatchObject({ field: null, personal: false, last4: '5678' });
    expect(searchTerms('１２３４')).toMatchObject({ last4: '1234' });
    expect(searchTerms('567')).toMatchObject({ last4: null });
    expect(searchTerms('13912345678')).toMatchObject({ field: 'phone', last4: null });
  });

  it('finds a case number whatever its case, and by its last characters', async () => {
    await signIn('zhang', 'collector-pass');
    expect(await found('cc2611000123')).toEqual(['CC2611000123']);
    expect(await found('cc26110045')).toEqual(['CC2611004567']);
    expect(await found('000123')).toEqual(['CC2611000123']);
    expect(await found('04567')).toEqual(['CC2611004567']);
    // LIKE's wildcards in the text are the characters themselves.
    expect(await found('_09%9')).toEqual(['CC2611_09%9']);
    expect(await found('1_0')).toEqual([]);
    // Another collector's case stays out of reach.
    expect(await found('7777')).toEqual([]);
    expect(audited()).toBe(0);
  });

  it('finds a collector’s case by the last four digits of the debtor’s mobile or a contact’s phone, free and unaudited', async () => {
    await signIn('zhang', 'collector-pass');
    // 13800005678 is li's debtor's: not among zhang's cases.
    expect(await found('5678')).toEqual(['CC2611000123']);
    expect(await found('4321')).toEqual(['CC2611004567']);
    // A case number's end and a phone's end together.
    expect(await found('0001')).toEqual(['CC2611_09%9']);
    expect(audited()).toBe(0);
    // Past every limit on personal searches, these still answer.
    const max = Math.max(...SEARCH_WINDOWS.map((w) => w.max));
    for (let k = 0; k < max; k++) await env.app.dispatch('cases.list', { search: `1390000${String(k).padStart(4, '0')}` });
    const refused = await env.app.dispatch('cases.list', { search: '13900009999' });
    expect(refused.ok).toBe(false);
    expect(await found('5678')).toEqual(['CC2611000123']);
    expect(await found('0123')).toEqual(['CC2611000123']);
  });

  it('does not look a lead’s four digits up in the phones of every case, only in case numbers', async () => {
    await signIn('wang', 'lead-password');
    expect(await found('5678')).toEqual([]);
    expect(await found('7777')).toEqual(['CC2611007777']);
  });
});
