import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignCases } from '../assignment/assign';
import { manualClock, value } from '../../../test/helpers/core';
import { fixture } from '../../../test/helpers/fixtures';
import { setupWithClients } from '../../../test/helpers/import';

describe('a lead’s flows: assignment splits, plan approvals, drill-down', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  const ids: Record<string, string> = {};
  const signIn = async (name: string, password: string) => {
    await env.app.dispatch('auth.signOut', {});
    value(await env.app.dispatch('auth.signIn', { name, password }));
  };
  beforeEach(async () => {
    env = await setupWithClients(manualClock('2026-11-24T02:00:00.000Z'));
    await env.run('placement', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'));
    for (const n of ['c1', 'c2', 'c3']) ids[n] = value(await env.app.dispatch('users.add', { name: n, displayName: n, role: 'collector', password: 'collector-pass' })).id;
    ids.lead = value(await env.app.dispatch('users.add', { name: 'lead', displayName: '组长', role: 'lead', password: 'lead-password' })).id;
  });
  afterEach(() => env.cleanup());

  it('splits evenly by count and by amount, and moves a leaving collector’s whole portfolio', async () => {
    const r = assignCases(env.db, env.actor, { clientCode: 'bank-a', to: ['c1', 'c2', 'c3'] }, env.now);
    expect(r.assigned).toBe(200);
    const counts = r.perUser.map((u) => u.cases);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    const amounts = r.perUser.map((u) => u.amountFen);
    const total = amounts.reduce((a, b) => a + b, 0);
    expect((Math.max(...amounts) - Math.min(...amounts)) / total).toBeLessThan(0.02);
    await signIn('lead', 'lead-password');
    expect(value(await env.app.dispatch('assign.preview', { assignedTo: ids.c3 }))).toMatchObject({ cases: counts[2] });
    const moved = value(await env.app.dispatch('assign.run', { assignedTo: ids.c3, to: [ids.c1!, ids.c2!] }));
    expect(moved.assigned).toBe(counts[2]);
    expect(value(await env.app.dispatch('assign.preview', { assignedTo: ids.c3 }))).toEqual({ cases: 0, balanceFen: 0, held: 0, livePromises: 0, moves: [] });
    expect(env.db.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'case.assign'").get()).toEqual({ n: 2 });
    await signIn('c1', 'collector-pass');
    expect(await env.app.dispatch('assign.run', { assignedTo: ids.c1, to: [ids.c2!] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('sends a plan request to the lead, who decides with a reason; a waiver above the limit needs an admin', async () => {
    assignCases(env.db, env.actor, { clientCode: 'bank-a', to: ['c1'] }, env.now);
    await signIn('c1', 'collector-pass');
    const caseId = (env.db.prepare("SELECT id FROM cases WHERE case_no = 'A261100000001'").get() as { id: string }).id;
    const self = value(await env.app.dispatch('case.get', { caseId })).contacts[0]!.id;
    const base = { caseId, contactId: self, channel: 'call' as const, party: 'debtor' as const, resultCode: 'HARDSHIP' as const, confirmations: ['CN-ID', 'CN-RPC', 'CN-R1'] };
    value(await env.app.dispatch('activity.record', { ...base, plan: { kind: 'installment', schedule: [{ dueDate: '2026-12-15', amountFen: 50_000_00 }, { dueDate: '2027-01-15', amountFen: 50_000_00 }], waiverFen: 0 } }));
    value(await env.app.dispatch('activity.record', { ...base, notes: '失业半年，只能一次性还八万', plan: { kind: 'settlement', schedule: [{ dueDate: '2026-12-15', amountFen: 80_000_00 }], waiverFen: 60_000_00 } }));
    const mine = value(await env.app.dispatch('plans.queue', {}));
    expect(mine).toHaveLength(2);
    expect(await env.app.dispatch('plans.decide', { planId: mine[0]!.id, approve: true, reason: 'ok' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await signIn('lead', 'lead-password');
    const queue = value(await env.app.dispatch('plans.queue', { status: 'requested' }));
    const settlement = queue.find((p) => p.kind === 'settlement')!;
    const installment = queue.find((p) => p.kind === 'installment')!;
    expect(settlement).toMatchObject({ needsAdmin: true, waiverFen: 6_000_000, caseNo: 'A261100000001', debtorName: '刘*雨', requestReason: '失业半年，只能一次性还八万' });
    // the bank's limit beside the waiver, so the lead sees why it needs an admin
    expect(settlement.waiverLimitFen).toBeLessThan(settlement.waiverFen);
    expect(installment.requestReason).toBeNull();
    expect(await env.app.dispatch('plans.decide', { planId: settlement.id, approve: true, reason: '同意' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/admin/) } });
    value(await env.app.dispatch('plans.decide', { planId: installment.id, approve: true, reason: '收入证明已核实' }));
    value(await env.app.dispatch('plans.decide', { planId: settlement.id, approve: false, reason: '减免超出授权' }));
    await signIn('c1', 'collector-pass');
    const onCase = value(await env.app.dispatch('case.get', { caseId })).plans;
    expect(onCase.map((p) => [p.kind, p.status, p.decisionReason]).sort()).toEqual([['installment', 'approved', '收入证明已核实'], ['settlement', 'rejected', '减免超出授权']]);
  });

  it('drills down from a number to the cases behind it', async () => {
    assignCases(env.db, env.actor, { clientCode: 'bank-a', to: ['c1', 'c2'] }, env.now);
    await env.run('payments', 'bank-a', fixture('bank-a', 'payments-2026-11-20.csv'));
    const report = value(await env.app.dispatch('kpi.report', { clientCode: 'bank-a', by: 'collector' }));
    const row = report.rows.find((r) => r.key === ids.c1)!;
    const drill = value(await env.app.dispatch('kpi.drill', { clientCode: 'bank-a', metric: 'recovered', by: 'collector', key: ids.c1, pageSize: 500 }));
    expect(drill.total).toBe(row.recoveredCases);
    expect(drill.rows.every((r) => r.collector === 'c1')).toBe(true);
    // the amounts behind the figure: each case's recovery adds up to the collector's
    expect(drill.rows.reduce((a, r) => a + r.recoveredFen, 0)).toBe(row.recoveredFen);
    expect(value(await env.app.dispatch('kpi.drill', { clientCode: 'bank-a', metric: 'cases' })).total).toBe(report.total.cases);
  });
});
