import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, setupApp, value } from '../../../test/helpers/core';
import { newSession } from './sessions';

describe('sessions: each caller signed in on its own', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;
  beforeEach(async () => {
    env = await setupApp();
    value(await env.app.dispatch('users.add', { name: 'zhang', displayName: '张三', role: 'collector', password: 'collector-pass' }));
  });
  afterEach(() => env.cleanup());

  it('a new session is not signed in because another one is', async () => {
    const other = newSession();
    expect(value(await env.app.dispatch('app.status', {}, other))).toMatchObject({ state: 'open', user: null });
    expect(await env.app.dispatch('users.list', {}, other)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(value(await env.app.dispatch('users.list', {}))).toHaveLength(2);
  });

  it('two sessions hold two users; signing out ends only the caller’s; locking ends all', async () => {
    const a = newSession();
    const b = newSession();
    value(await env.app.dispatch('auth.signIn', { name: ADMIN.name, password: ADMIN.password }, a));
    value(await env.app.dispatch('auth.signIn', { name: 'zhang', password: 'collector-pass' }, b));
    expect(value(await env.app.dispatch('app.status', {}, a)).user?.name).toBe(ADMIN.name);
    expect(value(await env.app.dispatch('app.status', {}, b)).user?.name).toBe('zhang');
    expect(await env.app.dispatch('users.list', {}, b)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    value(await env.app.dispatch('auth.signOut', {}, b));
    expect(value(await env.app.dispatch('app.status', {}, b)).user).toBeNull();
    expect(value(await env.app.dispatch('users.list', {}, a))).toHaveLength(2);
    value(await env.app.dispatch('app.lock', {}, b));
    expect(value(await env.app.dispatch('app.status', {}, a))).toMatchObject({ state: 'locked', user: null });
    expect(env.app.signedInSessions).toBe(0);
  });

  it('an idle session is signed out (audited as idle); the store locks only when nobody is signed in any more', async () => {
    const a = newSession();
    value(await env.app.dispatch('auth.signIn', { name: 'zhang', password: 'collector-pass' }, a));
    expect(env.app.signedInSessions).toBe(2); // the admin of setup, and zhang
    expect(value(await env.app.dispatch('app.lock', { idle: true }, a))).toMatchObject({ state: 'open', user: null });
    expect(value(await env.app.dispatch('app.status', {}))).toMatchObject({ state: 'open', user: { name: ADMIN.name } });
    const idle = env.db.prepare("SELECT details FROM audit_events WHERE action = 'auth.sign_out' ORDER BY seq DESC LIMIT 1").get() as { details: string };
    expect(JSON.parse(idle.details)).toEqual({ reason: 'idle' });
    expect(value(await env.app.dispatch('app.lock', { idle: true }))).toMatchObject({ state: 'locked', user: null });
  });

  it('a user disabled while signed in loses only their own session', async () => {
    const a = newSession();
    value(await env.app.dispatch('auth.signIn', { name: 'zhang', password: 'collector-pass' }, a));
    const zhang = value(await env.app.dispatch('users.list', {})).find((u) => u.name === 'zhang');
    value(await env.app.dispatch('users.setDisabled', { userId: zhang!.id, disabled: true }));
    expect(await env.app.dispatch('cases.list', {}, a)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(value(await env.app.dispatch('app.status', {}, a)).user).toBeNull();
    expect(value(await env.app.dispatch('app.status', {})).user?.name).toBe(ADMIN.name);
  });

  it('a changed or reset password signs that user out of every other session', async () => {
    const a = newSession();
    const b = newSession();
    value(await env.app.dispatch('auth.signIn', { name: 'zhang', password: 'collector-pass' }, a));
    value(await env.app.dispatch('auth.signIn', { name: 'zhang', password: 'collector-pass' }, b));
    value(await env.app.dispatch('auth.changePassword', { currentPassword: 'collector-pass', newPassword: 'new-password-2' }, a));
    expect(value(await env.app.dispatch('app.status', {}, a)).user?.name).toBe('zhang');
    expect(value(await env.app.dispatch('app.status', {}, b)).user).toBeNull();
    const zhang = value(await env.app.dispatch('users.list', {})).find((u) => u.name === 'zhang');
    value(await env.app.dispatch('users.resetPassword', { userId: zhang!.id, newPassword: 'reset-pass-3' }));
    expect(value(await env.app.dispatch('app.status', {}, a)).user).toBeNull();
    expect(value(await env.app.dispatch('app.status', {})).user?.name).toBe(ADMIN.name);
  });

  it('only an admin may change the idle lock; language and theme may be chosen before sign-in', async () => {
    const stranger = newSession();
    expect(await env.app.dispatch('prefs.set', { idleLockMinutes: 0 }, stranger)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(value(await env.app.dispatch('prefs.set', { language: 'en' }, stranger))).toMatchObject({ language: 'en', idleLockMinutes: 15 });
    expect(value(await env.app.dispatch('prefs.set', { idleLockMinutes: 30 }))).toMatchObject({ idleLockMinutes: 30 });
    // A collector changes their language, never the workstation's idle lock.
    value(await env.app.dispatch('users.add', { name: 'zhao', displayName: '赵六', role: 'collector', password: 'collector-pass' }));
    const collector = newSession();
    value(await env.app.dispatch('auth.signIn', { name: 'zhao', password: 'collector-pass' }, collector));
    expect(await env.app.dispatch('prefs.set', { idleLockMinutes: 0 }, collector)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(value(await env.app.dispatch('prefs.set', { language: 'zh-CN' }, collector))).toMatchObject({ language: 'zh-CN', idleLockMinutes: 30 });
  });
});
