import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignCases } from '../assignment/assign';
import { manualClock, value } from '../../../test/helpers/core';
import { fixture } from '../../../test/helpers/fixtures';
import { setupWithClients } from '../../../test/helpers/import';

describe('an admin edits a user: display name, role and staff number (工号)', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  let zhang: string;
  beforeEach(async () => {
    env = await setupWithClients(manualClock('2026-11-24T02:00:00.000Z'));
    await env.run('placement', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'));
    zhang = value(await env.app.dispatch('users.add', { name: 'zhang', displayName: '张三', role: 'collector', password: 'collector-pass' })).id;
    assignCases(env.db, env.actor, { clientCode: 'bank-a', to: ['zhang'] }, env.now);
  });
  afterEach(() => env.cleanup());

  const opening = async () => {
    const caseId = env.db.prepare("SELECT id FROM cases WHERE case_no = 'A261100000001'").pluck().get() as string;
    const script = value(await env.app.dispatch('script.get', { caseId, party: 'debtor' }));
    return script.steps[0]!.text;
  };

  it('the call script announces the staff number, not the login name; the change is audited', async () => {
    const row = value(await env.app.dispatch('users.update', { userId: zhang, staffNo: 'CS-0042', displayName: '张伟' }));
    expect(row).toMatchObject({ staffNo: 'CS-0042', displayName: '张伟', role: 'collector' });
    const audit = env.db.prepare("SELECT details FROM audit_events WHERE action = 'user.update'").pluck().get() as string;
    expect(JSON.parse(audit)).toEqual({ display_name: { from: '张三', to: '张伟' }, staff_no: { from: null, to: 'CS-0042' } });
    await env.app.dispatch('auth.signOut', {});
    value(await env.app.dispatch('auth.signIn', { name: 'zhang', password: 'collector-pass' }));
    const text = await opening();
    expect(text).toContain('工号CS-0042');
    expect(text).toContain('张伟');
    expect(text).not.toContain('zhang');
    // a collector cannot change users
    expect(await env.app.dispatch('users.update', { userId: zhang, role: 'lead' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a staff number already taken, one with other characters, and the last admin’s demotion', async () => {
    const li = value(await env.app.dispatch('users.add', { name: 'li', displayName: '李四', role: 'collector', password: 'collector-pass' })).id;
    value(await env.app.dispatch('users.update', { userId: zhang, staffNo: '0042' }));
    expect(await env.app.dispatch('users.update', { userId: li, staffNo: '0042' })).toMatchObject({ ok: false, error: { code: 'conflict', details: { field: 'staffNo' } } });
    expect(await env.app.dispatch('users.update', { userId: li, staffNo: '00 42' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await env.app.dispatch('users.update', { userId: env.actor.id, role: 'lead' })).toMatchObject({ ok: false, error: { code: 'conflict', details: { field: 'role' } } });
    // cleared, the number is free again
    value(await env.app.dispatch('users.update', { userId: zhang, staffNo: '' }));
    expect(value(await env.app.dispatch('users.update', { userId: li, staffNo: '0042', role: 'lead' }))).toMatchObject({ staffNo: '0042', role: 'lead' });
  });
});
