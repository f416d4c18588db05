import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock, value } from '../../../test/helpers/core';
import { fixture } from '../../../test/helpers/fixtures';
import { setupWithClients } from '../../../test/helpers/import';
import { assignCases } from '../assignment/assign';

/** Contacts changed during a call: a number marked, a refusal that blocks the next dial, a number learned on the call. */
describe('contact persons edited during a call', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  let clock: ReturnType<typeof manualClock>;
  let caseId: string;
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

  const related = async () => value(await env.app.dispatch('case.get', { caseId })).contacts.find((c) => c.relation !== 'self')!;

  it('a person who refuses contact is blocked at the pre-dial gate (CN-3P); the call in which they refused is still recorded', async () => {
    const c = await related();
    clock.advance(60_000);
    expect(value(await env.app.dispatch('contact.setStatus', { caseId, contactId: c.id, status: 'refuses_contact', reason: '对方明确表示不要再打来' }))).toEqual({ status: 'refuses_contact' });
    // The call under way when they refused: recorded (the refusal came during it).
    value(await env.app.dispatch('activity.record', { caseId, contactId: c.id, channel: 'call', party: 'related', resultCode: 'REFUSED', confirmations: ['CN-ID', 'CN-R1'], durationS: 60, reason: '本人号码无人接听' }));
    const gate = value(await env.app.dispatch('contact.check', { caseId, contactId: c.id, channel: 'call', party: 'related' }));
    expect(gate.allowed).toBe(false);
    expect(gate.verdicts).toContainEqual(expect.objectContaining({ rule: 'CN-3P', kind: 'block' }));
    // A later call recorded without the gate (as `activity add` would): refused too.
    const later = await env.app.dispatch('activity.record', { caseId, contactId: c.id, channel: 'call', party: 'none', resultCode: 'NO_ANSWER' });
    expect(later).toMatchObject({ ok: false, error: { code: 'compliance', details: { allowed: false } } });
    expect((await related()).status).toBe('refuses_contact');
    // A collector cannot lift a refusal; the change was audited without the number.
    expect(await env.app.dispatch('contact.setStatus', { caseId, contactId: c.id, status: 'valid' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(env.db.prepare("SELECT details FROM audit_events WHERE action = 'contact.status'").all()).toEqual([{ details: JSON.stringify({ caseId, from: 'valid', to: 'refuses_contact', reasonGiven: true }) }]);
  });

  it('marks a number wrong or disconnected, and back to valid', async () => {
    const c = await related();
    value(await env.app.dispatch('contact.setStatus', { caseId, contactId: c.id, status: 'wrong_number' }));
    expect((await related()).status).toBe('wrong_number');
    value(await env.app.dispatch('contact.setStatus', { caseId, contactId: c.id, status: 'valid' }));
    expect((await related()).status).toBe('valid');
    expect(await env.app.dispatch('contact.setStatus', { caseId, contactId: 'nope', status: 'disconnected' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('adds a number learned on the call: source and author recorded, shown masked, audited without the number', async () => {
    const { contactId } = value(await env.app.dispatch('contact.add', { caseId, relation: 'colleague', name: '王同事', phone: '138-0013-8000' }));
    const added = value(await env.app.dispatch('case.get', { caseId })).contacts.find((c) => c.id === contactId);
    expect(added).toMatchObject({ relation: 'colleague', name: '王同事', phone: '138****8000', status: 'valid', source: 'call', addedBy: '张三', attemptsToday: 0 });
    expect(env.db.prepare('SELECT phone, source FROM contact_persons WHERE id = ?').get(contactId)).toEqual({ phone: '13800138000', source: 'call' });
    const audit = env.db.prepare("SELECT details FROM audit_events WHERE action = 'contact.add'").get() as { details: string };
    expect(audit.details).not.toContain('13800138000');
    // It can be dialled through the gate like any other.
    const gate = value(await env.app.dispatch('contact.check', { caseId, contactId, channel: 'call', party: 'third' }));
    expect(gate.verdicts.filter((v) => v.kind === 'block')).toEqual([]);
    expect(await env.app.dispatch('contact.add', { caseId, relation: 'friend', phone: '13800138000' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.not.stringContaining('13800138000') } });
    expect(await env.app.dispatch('contact.add', { caseId, relation: 'friend', phone: '12345' })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { field: 'phone' } } });
  });
});
