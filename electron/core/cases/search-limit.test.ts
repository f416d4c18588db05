import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, manualClock, setupApp, value } from '../../../test/helpers/core';
import { seedCases } from '../../../test/helpers/seed';
import { listCases } from './list-cases';
import { SEARCH_WINDOWS } from './search-limit';

const START = '2026-11-24T02:00:00.000Z';
const MINUTE = 60_000;

describe('searching the work queue by personal data', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;
  let clock: ReturnType<typeof manualClock>;
  const caseId = (no: string) => (env.db.prepare('SELECT id FROM cases WHERE case_no = ?').get(no) as { id: string }).id;

  beforeEach(async () => {
    clock = manualClock(START);
    env = await setupApp(clock);
    const zhang = value(await env.app.dispatch('users.add', { name: 'zhang', displayName: '张三', role: 'collector', password: 'collector-pass' })).id;
    const li = value(await env.app.dispatch('users.add', { name: 'li', displayName: '李四', role: 'collector', password: 'collector-pass' })).id;
    value(await env.app.dispatch('users.add', { name: 'wang', displayName: '王组长', role: 'lead', password: 'lead-password' }));
    const admin = value(await env.app.dispatch('app.status', {})).user!;
    seedCases(env.db, admin.id, [
      { caseNo: 'A1', debtorName: '赵一明', balanceFen: 100_00, assignedTo: zhang },
      { caseNo: 'A2', debtorName: '钱二', balanceFen: 200_00, assignedTo: zhang },
      { caseNo: 'A3', debtorName: '孙三丰', balanceFen: 300_00, assignedTo: li },
    ]);
    const debtor = (no: string, mobile: string, idNumber: string) =>
      env.db.prepare('UPDATE debtors SET mobile = ?, id_number = ? WHERE id = (SELECT debtor_id FROM cases WHERE case_no = ?)').run(mobile, idNumber, no);
    debtor('A1', '13912345678', '110101199003071234');
    debtor('A2', '13700000000', '110101198805052345');
    debtor('A3', '13811112222', '110101197712123456');
    env.db
      .prepare(`INSERT INTO contact_persons (id, debtor_id, relation, name, phone, source, created_at, created_by, updated_at) VALUES ('cp-1', (SELECT debtor_id FROM cases WHERE case_no = 'A3'), 'spouse', '周某', '13655556666', 'bank', ?, ?, ?)`)
      .run(START, admin.id, START);
    await env.app.dispatch('auth.signOut', {});
  });
  afterEach(() => env.cleanup());

  const signIn = async (name: string, password: string) => value(await env.app.dispatch('auth.signIn', { name, password }));
  const search = (text: string, page = 0) => env.app.dispatch('cases.list', { search: text, page, pageSize: 1 });
  const found = async (text: string) => value(await search(text)).rows.map((r) => r.caseNo);
  const searches = () =>
    (env.db.prepare("SELECT actor_id, details FROM audit_events WHERE action = 'pii.search' ORDER BY seq").all() as { actor_id: string; details: string }[]).map((r) => ({
      actor: r.actor_id,
      ...(JSON.parse(r.details) as { field: string; matched: number; caseIds: string[] }),
    }));

  it('refuses a collector who tries the candidates of a masked mobile long before the number is found, and says when to try again', async () => {
    await signIn('zhang', 'collector-pass');
    // The queue shows 139****5678: 10 000 candidates; the true one is the 1 235th tried.
    let tried = 0;
    let refusal: Awaited<ReturnType<typeof search>> | null = null;
    for (let k = 0; k < 10_000; k++) {
      const r = await search(`139${String(k).padStart(4, '0')}5678`);
      if (!r.ok) {
        refusal = r;
        break;
      }
      tried++;
      expect(r.value.rows).toEqual([]);
    }
    expect(tried).toBe(SEARCH_WINDOWS[0]!.max);
    expect(refusal).toMatchObject({
      ok: false,
      error: {
        code: 'rate_limited',
        message: expect.stringContaining('try again after 2026-11-24T02:10:00.000Z'),
        details: { retryAt: '2026-11-24T02:10:00.000Z', retryAfterSeconds: 600 },
      },
    });
    // Every search tried is on record, without the number tried.
    const audited = searches();
    expect(audited).toHaveLength(tried);
    expect(audited[0]).toMatchObject({ field: 'phone', matched: 0, caseIds: [] });
    const details = (env.db.prepare("SELECT group_concat(details) AS d FROM audit_events WHERE action = 'pii.search'").get() as { d: string }).d;
    expect(details).not.toMatch(/139\d{4}5678|\d{4}5678/);
  });

  it('audits a search by phone, ID number or name with its field, what it matched and no value, within the collector’s own cases', async () => {
    const zhang = await signIn('zhang', 'collector-pass');
    expect(await found('139 1234 5678')).toEqual(['A1']);
    expect(await found('110101199003071234')).toEqual(['A1']);
    expect(await found('钱二')).toEqual(['A2']);
    // Another collector's debtor, by every field: nothing (and still on record).
    expect(await found('13811112222')).toEqual([]);
    expect(await found('13655556666')).toEqual([]);
    expect(await found('110101197712123456')).toEqual([]);
    expect(await found('孙三')).toEqual([]);
    expect(searches()).toEqual([
      { actor: zhang.id, field: 'phone', matched: 1, caseIds: [caseId('A1')] },
      { actor: zhang.id, field: 'idNumber', matched: 1, caseIds: [caseId('A1')] },
      { actor: zhang.id, field: 'name', matched: 1, caseIds: [caseId('A2')] },
      { actor: zhang.id, field: 'phone', matched: 0, caseIds: [] },
      { actor: zhang.id, field: 'phone', matched: 0, caseIds: [] },
      { actor: zhang.id, field: 'idNumber', matched: 0, caseIds: [] },
      { actor: zhang.id, field: 'name', matched: 0, caseIds: [] },
    ]);
    const all = (env.db.prepare("SELECT group_concat(details) AS d FROM audit_events WHERE action = 'pii.search'").get() as { d: string }).d;
    for (const v of ['13912345678', '110101199003071234', '钱二', '13811112222', '孙三']) expect(all).not.toContain(v);
  });

  it('lets a lead search every case, a contact person’s phone included', async () => {
    await signIn('wang', 'lead-password');
    expect(await found('136-5555-6666')).toEqual(['A3']);
    expect(await found('孙三')).toEqual(['A3']);
  });

  it('neither counts nor audits a search by case number, a few digits or one character of a name', async () => {
    await signIn('zhang', 'collector-pass');
    for (let i = 0; i < 60; i++) expect(await found(i % 2 ? 'A1' : 'x')).toEqual(i % 2 ? ['A1'] : []);
    expect(await found('5678')).toEqual(['A1']); // a number's last four are shown by the mask already
    expect(await found('赵')).toEqual(['A1']);
    expect(searches()).toEqual([]);
  });

  it('counts the same search once while it is repeated (a page turned, the queue shown again)', async () => {
    await signIn('zhang', 'collector-pass');
    for (let i = 0; i < 30; i++) expect(value(await search('13912345678', i % 3)).total).toBe(1);
    expect(searches()).toHaveLength(1);
  });

  it('allows twenty searches in ten minutes and a hundred a day, sliding, and twenty by ID number a day', async () => {
    await signIn('zhang', 'collector-pass');
    const phone = (n: number) => `1390000${String(n).padStart(4, '0')}`;
    let n = 0;
    for (let burst = 0; burst < 5; burst++) {
      for (let i = 0; i < 20; i++) value(await search(phone(n++)));
      if (burst < 4) {
        expect(await search(phone(n))).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
        clock.advance(10 * MINUTE + 1000);
      }
    }
    expect(n).toBe(100);
    clock.advance(11 * MINUTE);
    // The day's hundred is reached: the next search frees up a day after the first.
    expect(await search(phone(n))).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { retryAt: '2026-11-25T02:00:00.000Z' } } });
    clock.set('2026-11-25T02:00:00.001Z');
    value(await search(phone(n)));

    await env.app.dispatch('auth.signOut', {});
    await signIn('wang', 'lead-password');
    const id = (k: number) => `1101011990030${String(k).padStart(5, '0')}`;
    for (let k = 0; k < 10; k++) value(await search(id(k)));
    clock.advance(11 * MINUTE);
    for (let k = 10; k < 20; k++) value(await search(id(k)));
    clock.advance(11 * MINUTE);
    expect(await search(id(20))).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { retryAt: '2026-11-26T02:00:00.001Z' } } });
    // Other fields still have room.
    value(await search('13912345678'));
  });

  it('keeps counting on another connection to the store (a restart, a second window): the count is read from the audit rows', async () => {
    const zhang = await signIn('zhang', 'collector-pass');
    for (let k = 0; k < 20; k++) value(await search(`1390000${String(k).padStart(4, '0')}`));
    const other = await env.app.openConnection();
    try {
      const actor = { id: zhang.id, role: zhang.role, via: 'ui' as const };
      expect(() => listCases(other, actor, { search: '13912345678' }, clock.now())).toThrow(expect.objectContaining({ code: 'rate_limited' }));
      // A search by case number is never held up.
      expect(listCases(other, actor, { search: 'A1' }, clock.now()).rows.map((r) => r.caseNo)).toEqual(['A1']);
    } finally {
      other.close();
    }
    // Another user has a budget of their own.
    await env.app.dispatch('auth.signOut', {});
    await signIn(ADMIN.name, ADMIN.password);
    expect(await found('13912345678')).toEqual(['A1']);
  });
});
