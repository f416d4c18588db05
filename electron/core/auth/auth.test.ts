import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, manualClock, setupApp, value } from '../../../test/helpers/core';
import { hashPassword, verifyPassword } from './passwords';
import { LOCKOUT_MINUTES } from './lockout';

describe('passwords', () => {
  it('are hashed with scrypt and a per-user salt, never stored as given', async () => {
    const a = await hashPassword('same-password');
    const b = await hashPassword('same-password');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('same-password');
    expect(await verifyPassword('same-password', a)).toBe(true);
    expect(await verifyPassword('same-passwore', a)).toBe(false);
  });
});

describe('sign-in, roles and account management', () => {
  const clock = manualClock('2026-11-23T09:00:00.000Z');
  let env: Awaited<ReturnType<typeof setupApp>>;
  beforeEach(async () => {
    clock.set('2026-11-23T09:00:00.000Z');
    env = await setupApp(clock);
    value(await env.app.dispatch('users.add', { name: 'zhang', displayName: '张三', role: 'collector', password: 'collector-pass' }));
    value(await env.app.dispatch('auth.signOut', {}));
  });
  afterEach(() => env.cleanup());

  const signIn = (name: string, password: string) => env.app.dispatch('auth.signIn', { name, password });
  const failures = () =>
    (env.db.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'auth.sign_in_failed'").get() as { n: number }).n;

  it('signs in with the right password and refuses a wrong one without saying which part was wrong', async () => {
    expect(value(await signIn('zhang', 'collector-pass'))).toMatchObject({ name: 'zhang', role: 'collector' });
    const wrong = await signIn('zhang', 'nope-nope');
    const unknown = await signIn('nobody', 'nope-nope');
    expect(wrong).toEqual({ ok: false, error: { code: 'bad_credentials', message: 'Wrong user name or password.' } });
    expect(unknown).toEqual(wrong);
  });

  it('audits every failed sign-in', async () => {
    await signIn('zhang', 'bad-1');
    await signIn('ghost', 'bad-2');
    expect(failures()).toBe(2);
    const reasons = (env.db.prepare("SELECT details FROM audit_events WHERE action = 'auth.sign_in_failed' ORDER BY seq").all() as { details: string }[]).map((r) => JSON.parse(r.details).reason);
    expect(reasons).toEqual(['wrong_password', 'unknown_user']);
  });

  it('locks the account after five failures in a row, for a few minutes, even against the right password', async () => {
    for (let i = 0; i < 4; i++) expect(await signIn('zhang', `bad-${i}`)).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    const fifth = await signIn('zhang', 'bad-5');
    expect(fifth).toMatchObject({ ok: false, error: { code: 'account_locked', details: { lockedUntil: '2026-11-23T09:05:00.000Z' } } });
    expect(await signIn('zhang', 'collector-pass')).toMatchObject({ ok: false, error: { code: 'account_locked' } });
    clock.advance(LOCKOUT_MINUTES * 60_000 - 1000);
    expect(await signIn('zhang', 'collector-pass')).toMatchObject({ ok: false, error: { code: 'account_locked' } });
    clock.advance(2000);
    expect(await signIn('zhang', 'collector-pass')).toMatchObject({ ok: true });
  });

  it('counts failures in a row only: a success resets the count', async () => {
    for (let i = 0; i < 4; i++) await signIn('zhang', `bad-${i}`);
    value(await signIn('zhang', 'collector-pass'));
    for (let i = 0; i < 4; i++) expect(await signIn('zhang', `bad-${i}`)).toMatchObject({ error: { code: 'bad_credentials' } });
  });

  it('lets a user change their own password, checking the current one', async () => {
    value(await signIn('zhang', 'collector-pass'));
    expect(await env.app.dispatch('auth.changePassword', { currentPassword: 'wrong-one', newPassword: 'new-password-2' })).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    value(await env.app.dispatch('auth.changePassword', { currentPassword: 'collector-pass', newPassword: 'new-password-2' }));
    await env.app.dispatch('auth.signOut', {});
    expect(await signIn('zhang', 'collector-pass')).toMatchObject({ ok: false });
    expect(await signIn('zhang', 'new-password-2')).toMatchObject({ ok: true });
  });

  it('lets an admin reset a password (which also lifts a lock) and disable a user who leaves, keeping their history', async () => {
    for (let i = 0; i < 5; i++) await signIn('zhang', `bad-${i}`);
    value(await signIn(ADMIN.name, ADMIN.password));
    const zhang = value(await env.app.dispatch('users.list', {})).find((u) => u.name === 'zhang');
    expect(zhang?.lockedUntil).toBe('2026-11-23T09:05:00.000Z');
    value(await env.app.dispatch('users.resetPassword', { userId: zhang!.id, newPassword: 'reset-pass-3' }));
    expect(value(await env.app.dispatch('users.setDisabled', { userId: zhang!.id, disabled: true }))).toMatchObject({ disabled: true });
    await env.app.dispatch('auth.signOut', {});
    expect(await signIn('zhang', 'reset-pass-3')).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/disabled/) } });
    expect(env.db.prepare('SELECT count(*) AS n FROM users WHERE id = ?').get(zhang!.id)).toEqual({ n: 1 });
    const actions = (env.db.prepare('SELECT action FROM audit_events WHERE entity_id = ? ORDER BY seq').all(zhang!.id) as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'user.password_reset', 'user.disable']));
  });

  it('refuses account management to anyone but an admin, in core whatever the caller', async () => {
    value(await signIn('zhang', 'collector-pass'));
    expect(await env.app.dispatch('users.add', { name: 'li', displayName: '李四', role: 'admin', password: 'password-li' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await env.app.dispatch('users.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await env.app.dispatch('audit.verify', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('will not disable the last admin or let an admin disable themself', async () => {
    const admin = value(await signIn(ADMIN.name, ADMIN.password));
    expect(await env.app.dispatch('users.setDisabled', { userId: admin.id, disabled: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses a duplicate user name, whatever its case', async () => {
    value(await signIn(ADMIN.name, ADMIN.password));
    expect(await env.app.dispatch('users.add', { name: 'ZHANG', displayName: 'x', role: 'collector', password: 'password-x' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
