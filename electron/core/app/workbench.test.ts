import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignCases } from '../assignment/assign';
import { manualClock, value } from '../../../test/helpers/core';
import { fixture } from '../../../test/helpers/fixtures';
import { setupWithClients } from '../../../test/helpers/import';


describe('the collector’s workbench through the contract', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  let caseId: string;
  let clock: ReturnType<typeof manualClock>;
  beforeEach(async () => {
    clock = manualClock('2026-11-24T02:00:00.000Z'); // 10:00 in Shanghai
    env = await setupWithClients(clock);
    await env.run('placement', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'));
    value(await env.app.dispatch('users.add', { name: 'zhang', displayName: '张三', role: 'collector', password: 'collector-pass' }));
    assignCases(env.db, env.actor, { clientCode: 'bank-a', to: ['zhang'] }, env.now);
    await env.app.dispatch('auth.signOut', {});
    value(await env.app.dispatch('auth.signIn', { name: 'zhang', password: 'collector-pass' }));
    caseId = (env.db.prepare("SELECT id FROM cases WHERE case_no = 'A261100000001'").get() as { id: string }).id;
  });
  afterEach(() => env.cleanup());

  it('opens a case with everything masked, its contacts and counters, and no debt typed by hand', async () => {
    const c = value(await env.app.dispatch('case.get', { caseId }));
    expect(c).toMatchObject({ caseNo: 'A261100000001', client: { code: 'bank-a', rulePack: 'cn-2026' }, debtor: { name: '刘*雨', idNumber: '3701**********9048', mobile: '139****1641' }, placedAmountFen: 15221877, stage: 'M7+', readOnly: false, batch: { dueBackAt: '2027-01-31' } });
    expect(c.contacts[0]).toMatchObject({ relation: 'self', phone: '139****1641', attemptsToday: 0 });
    // What the bank's file says beyond the amounts: its record of the last payment, and its remarks once it sends any.
    expect(c).toMatchObject({ lastPayment: { at: '2026-03-06', amountFen: null }, bankRemarks: null });
    env.db.prepare("UPDATE cases SET remarks = '手机号停机，仅留座机' WHERE id = ?").run(caseId);
    expect(value(await env.app.dispatch('case.get', { caseId })).bankRemarks).toBe('手机号停机，仅留座机');
    const script = value(await env.app.dispatch('script.get', { caseId, party: 'debtor' }));
    expect(script).toMatchObject({ stage: 'first_contact', hidesAmounts: false });
    expect(script.steps.find((s) => s.id === 'debt')?.text).toContain('152,218.77');
    expect(script.steps.map((s) => s.require).filter(Boolean)).toEqual(['CN-ID', 'CN-R1', 'CN-RPC']);
    const third = value(await env.app.dispatch('script.get', { caseId, party: 'third' }));
    expect(third.hidesAmounts).toBe(true);
    expect(JSON.stringify(third.steps)).not.toContain('152,218.77');
  });

  it('gates a contact by contact person, records the outcome and shows it on the case', async () => {
    const c = value(await env.app.dispatch('case.get', { caseId }));
    const self = c.contacts[0]!.id;
    const gate = value(await env.app.dispatch('contact.check', { caseId, contactId: self, channel: 'call', party: 'debtor' }));
    expect(gate.verdicts.map((v) => v.rule)).toEqual(expect.arrayContaining(['CN-ID', 'CN-RPC', 'CN-R1']));
    const refused = await env.app.dispatch('activity.record', { caseId, contactId: self, channel: 'call', party: 'debtor', resultCode: 'PTP', promise: { amountFen: 100_00, dueDate: '2027-01-15' } });
    expect(refused, JSON.stringify(refused)).toMatchObject({ ok: false, error: { code: 'compliance', details: { allowed: true } } });
    value(await env.app.dispatch('activity.record', { caseId, contactId: self, channel: 'call', party: 'debtor', resultCode: 'PTP', promise: { amountFen: 100_00, dueDate: '2027-01-15' }, confirmations: ['CN-ID', 'CN-RPC', 'CN-R1'], notes: '本人承诺月中还款' }));
    const after = value(await env.app.dispatch('case.get', { caseId }));
    expect(after).toMatchObject({ status: 'ptp', promises: [{ amountFen: 10000, dueDate: '2027-01-15', status: 'pending' }], timeline: [{ resultCode: 'PTP', collector: '张三', notes: '本人承诺月中还款', contactName: '刘*雨' }] });
    expect(env.db.prepare("SELECT entity, count(*) AS n FROM outbox GROUP BY entity ORDER BY entity").all()).toEqual([{ entity: 'activity', n: 1 }, { entity: 'promise', n: 1 }]);
    const queue = value(await env.app.dispatch('cases.list', { search: 'A261100000001' }));
    expect(queue.rows[0]).toMatchObject({ promiseDueDate: '2027-01-15', promiseAmountFen: 10000 });
  });

  it('refuses a promise beyond the balance or after the due-back date', async () => {
    const self = value(await env.app.dispatch('case.get', { caseId })).contacts[0]!.id;
    const base = { caseId, contactId: self, channel: 'call' as const, party: 'debtor' as const, resultCode: 'PTP' as const, confirmations: ['CN-ID', 'CN-RPC', 'CN-R1'] };
    expect(await env.app.dispatch('activity.record', { ...base, promise: { amountFen: 999_999_999, dueDate: '2027-01-15' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'promise.amount' } } });
    expect(await env.app.dispatch('activity.record', { ...base, promise: { amountFen: 100, dueDate: '2027-03-01' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'promise.date' } } });
  });

  it('screens notes live, lets a collector raise a flag but not clear it, and audits unmasking', async () => {
    const hits = value(await env.app.dispatch('notes.screen', { caseId, notes: '我们是法院的，再不还就拘留你' }));
    expect(hits.map((v) => v.rule)).toEqual(['CN-P']);
    expect(value(await env.app.dispatch('notes.screen', { caseId, notes: '本人称下周还款' }))).toEqual([]);
    expect(value(await env.app.dispatch('case.setFlag', { caseId, flag: 'lawyer', on: true }))).toEqual({ flags: ['lawyer'] });
    expect(await env.app.dispatch('case.setFlag', { caseId, flag: 'lawyer', on: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const gate = value(await env.app.dispatch('contact.check', { caseId, contactId: null, channel: 'visit', party: 'debtor' }));
    expect(gate).toMatchObject({ allowed: false, verdicts: expect.arrayContaining([expect.objectContaining({ rule: 'CN-DNC', kind: 'block' })]) });
    expect(value(await env.app.dispatch('case.unmask', { caseId, field: 'idNumber' }))).toEqual({ value: '370102198602249048' });
    expect(env.db.prepare("SELECT details FROM audit_events WHERE action = 'pii.unmask'").get()).toEqual({ details: JSON.stringify({ field: 'idNumber', contactId: null }) });
  });

  it('asks for a reason whenever a warn applies, and records it', async () => {
    const related = value(await env.app.dispatch('case.get', { caseId })).contacts.find((c) => c.relation !== 'self')!;
    const base = { caseId, contactId: related.id, channel: 'call' as const, party: 'related' as const, resultCode: 'LEFT_MESSAGE' as const, confirmations: ['CN-ID', 'CN-R1'] };
    const bare = await env.app.dispatch('activity.record', base);
    expect(bare).toMatchObject({ ok: false, error: { code: 'compliance', message: expect.stringMatching(/reason/) } });
    value(await env.app.dispatch('activity.record', { ...base, reason: '本人号码停机，先请联系人转告' }));
    const t = value(await env.app.dispatch('case.get', { caseId })).timeline[0]!;
    expect(t).toMatchObject({ party: 'related', warns: ['CN-3P'], overrideReason: '本人号码停机，先请联系人转告' });
  });

  it('records every ended call: nobody reached needs no confirmation, moves the number’s counter, and six block the seventh (CN-F1)', async () => {
    const self = value(await env.app.dispatch('case.get', { caseId })).contacts[0]!;
    expect(self).toMatchObject({ attemptsToday: 0, reachedToday: 0 });
    const ended = { caseId, contactId: self.id, channel: 'call' as const, party: 'none' as const, resultCode: 'NO_ANSWER' as const, confirmations: [] };
    value(await env.app.dispatch('activity.record', ended));
    const after = value(await env.app.dispatch('case.get', { caseId }));
    expect(after.contacts[0]).toMatchObject({ attemptsToday: 1, reachedToday: 0, lastAttemptAt: '2026-11-24T02:00:00.000Z' });
    expect(after.timeline[0]).toMatchObject({ resultCode: 'NO_ANSWER', party: 'none' });
    for (let i = 0; i < 5; i += 1) value(await env.app.dispatch('activity.record', { ...ended, resultCode: 'BUSY' }));
    const gate = value(await env.app.dispatch('contact.check', { caseId, contactId: self.id, channel: 'call', party: 'debtor' }));
    expect(gate.verdicts.find((v) => v.kind === 'block')).toMatchObject({ rule: 'CN-F1' });
    expect(value(await env.app.dispatch('case.get', { caseId })).contacts[0]).toMatchObject({ attemptsToday: 6, reachedToday: 0 });
  });

  it('the script says only what the case holds and fits the promise’s state', async () => {
    env.db.prepare('UPDATE cases SET overdue_days = NULL, account_masked = NULL, product = NULL WHERE id = ?').run(caseId);
    const debt = async () => value(await env.app.dispatch('script.get', { caseId, party: 'debtor' }));
    const first = await debt();
    expect(first.steps.find((s) => s.id === 'debt')?.text).toBe('您账户目前欠款152,218.77元（委案金额152,218.77元）。');
    expect(JSON.stringify(first.steps)).not.toMatch(/—|逾期.天|尾号/);
    const self = value(await env.app.dispatch('case.get', { caseId })).contacts[0]!.id;
    value(await env.app.dispatch('activity.record', { caseId, contactId: self, channel: 'call', party: 'debtor', resultCode: 'PTP', promise: { amountFen: 100_00, dueDate: '2026-12-01' }, confirmations: ['CN-ID', 'CN-RPC', 'CN-R1'] }));
    // Due in a week: a follow-up, not a broken promise.
    expect(await debt()).toMatchObject({ stage: 'follow_up' });
    env.db.prepare("UPDATE promises SET due_date = '2026-11-24' WHERE case_id = ?").run(caseId);
    const due = await debt();
    expect(due.stage).toBe('promise_due');
    expect(due.steps.find((s) => s.id === 'debt')?.text).toContain('今天（11月24日）还款100.00元');
    env.db.prepare("UPDATE promises SET due_date = '2026-11-23' WHERE case_id = ?").run(caseId);
    const broken = await debt();
    expect(broken.stage).toBe('broken_promise');
    expect(broken.steps.find((s) => s.id === 'debt')?.text).toContain('您此前承诺于11月23日还款100.00元，到期后银行尚未收到这笔还款');
  });

  it('sets the next action by the result code: a callback needs its time, no answer is tried again later that day', async () => {
    const self = value(await env.app.dispatch('case.get', { caseId })).contacts[0]!.id;
    const base = { caseId, contactId: self, channel: 'call' as const, party: 'debtor' as const, confirmations: ['CN-ID', 'CN-RPC', 'CN-R1'] };
    expect(await env.app.dispatch('activity.record', { ...base, resultCode: 'CALLBACK' })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'nextAction' } } });
    expect(await env.app.dispatch('activity.record', { ...base, resultCode: 'CALLBACK', nextActionAt: '2026-11-24T01:00:00.000Z' })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'nextAction' } } });
    const nextAction = async () => value(await env.app.dispatch('cases.list', { search: 'A261100000001' })).rows[0]?.nextActionAt;
    expect(await nextAction()).toBeNull();
    value(await env.app.dispatch('activity.record', { ...base, party: 'none', resultCode: 'NO_ANSWER', confirmations: [] }));
    expect(await nextAction()).toBe('2026-11-24T04:00:00.000Z'); // 12:00 in Shanghai, two hours on
    value(await env.app.dispatch('activity.record', { ...base, resultCode: 'PTP', promise: { amountFen: 100_00, dueDate: '2026-11-30' } }));
    expect(await nextAction()).toBe('2026-11-30T00:00:00.000Z'); // the promise date, 08:00 in Shanghai
    value(await env.app.dispatch('activity.record', { ...base, resultCode: 'CALLBACK', nextActionAt: '2026-11-25T06:00:00.000Z' }));
    expect(await nextAction()).toBe('2026-11-25T06:00:00.000Z');
  });

  it('records a callback the debtor asked for as consent, and a call the debtor made to the agency as inbound', async () => {
    const self = value(await env.app.dispatch('case.get', { caseId })).contacts[0]!.id;
    const base = { caseId, contactId: self, channel: 'call' as const, party: 'debtor' as const, confirmations: ['CN-ID', 'CN-RPC', 'CN-R1'] };
    expect(await env.app.dispatch('activity.record', { ...base, party: 'none', resultCode: 'NO_ANSWER', confirmations: [], consentToCall: true })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'consentToCall' } } });
    const { activityId } = value(await env.app.dispatch('activity.record', { ...base, resultCode: 'CALLBACK', consentToCall: true, nextActionAt: '2026-11-25T06:00:00.000Z' }));
    expect(env.db.prepare('SELECT direction, consent_to_call FROM activities WHERE id = ?').get(activityId)).toEqual({ direction: 'outbound', consent_to_call: 1 });
    // 22:30 in Shanghai: no outbound call (CN-T1), but the debtor calling in is recorded.
    clock.set('2026-11-24T14:30:00.000Z');
    const inbound = value(await env.app.dispatch('activity.record', { ...base, resultCode: 'REFUSED', direction: 'inbound' }));
    expect(env.db.prepare('SELECT direction FROM activities WHERE id = ?').get(inbound.activityId)).toEqual({ direction: 'inbound' });
    expect(value(await env.app.dispatch('contact.check', { caseId, contactId: self, channel: 'call', party: 'debtor' })).verdicts.find((v) => v.kind === 'block')?.rule).toBe('CN-T1');
  });

  it('the queue says when the calling window is closed in the debtor’s zone; the gate says the rule in words', async () => {
    const open = value(await env.app.dispatch('cases.list', { search: 'A261100000001' }));
    expect(open.rows[0]?.callWindow).toMatchObject({ open: true, opensAt: null });
    clock.set('2026-11-24T14:40:00.000Z'); // 22:40 in Shanghai
    const closed = value(await env.app.dispatch('cases.list', { search: 'A261100000001' }));
    expect(closed.rows[0]?.callWindow).toEqual({ open: false, localTime: '22:40', start: '08:00', end: '22:00', opensAt: '2026-11-25T08:00:00+08:00' });
    const c = value(await env.app.dispatch('case.get', { caseId }));
    expect(c.callingHours).toEqual({ windowStart: '08:00', windowEnd: '22:00' });
    const gate = value(await env.app.dispatch('contact.check', { caseId, contactId: c.contacts[0]!.id, channel: 'call', party: 'debtor' }));
    expect(gate.verdicts.find((v) => v.rule === 'CN-T1')).toMatchObject({ messages: { 'zh-CN': '现在是债务人当地时间22:40，22:00–08:00不得致电；08:00后可拨打。' }, nextAllowedAt: '2026-11-25T08:00:00+08:00' });
  });

  it('keeps another collector’s case out of reach', async () => {
    env.db.prepare('UPDATE cases SET assigned_to = NULL WHERE id = ?').run(caseId);
    expect(await env.app.dispatch('case.get', { caseId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await env.app.dispatch('case.unmask', { caseId, field: 'mobile' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

