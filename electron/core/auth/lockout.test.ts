import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock, setupApp, value } from '../../../test/helpers/core';
import { MAX_FAILED_SIGN_INS } from './lockout';

describe('the lockout holds against parallel guesses', () => {
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
  const audited = (action: string) =>
    (env.db.prepare('SELECT count(*) AS n FROM audit_events WHERE action = ?').get(action) as { n: number }).n;

  it('40 wrong passwords sent at once, then the right one: locked after exactly five, the right one refused', async () => {
    const guesses = Array.from({ length: 40 }, (_, i) => signIn('zhang', `wrong-${i}`));
    const right = signIn('zhang', 'collector-pass');
    const answers = await Promise.all(guesses);
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'bad_credentials')).toHaveLength(MAX_FAILED_SIGN_INS - 1);
    expect(codes.filter((c) => c === 'account_locked')).toHaveLength(40 - (MAX_FAILED_SIGN_INS - 1));
    expect(await right).toMatchObject({ ok: false, error: { code: 'account_locked' } });
    expect(await signIn('zhang', 'collector-pass')).toMatchObject({ ok: false, error: { code: 'account_locked' } });
    // Each failure counted once: five wrong passwords checked, every later try refused without a check.
    expect(audited('auth.sign_in_failed')).toBe(MAX_FAILED_SIGN_INS);
    expect(audited('auth.sign_in_refused')).toBe(40 - MAX_FAILED_SIGN_INS + 2);
    expect(audited('auth.sign_in')).toBe(1); // the admin's setup only
  });

  it('the right password sent at once with four wrong ones signs in, and the count is exact', async () => {
    const answers = await Promise.all([...Array.from({ length: 4 }, (_, i) => signIn('zhang', `wrong-${i}`)), signIn('zhang', 'collector-pass')]);
    expect(answers.filter((a) => !a.ok)).toHaveLength(4);
    expect(answers[4]).toMatchObject({ ok: true });
    const row = env.db.prepare("SELECT failed_attempts, locked_until FROM users WHERE name = 'zhang'").get();
    expect(row).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it('failures in a row across two sign-ins a few at a time still lock at the fifth', async () => {
    await Promise.all([signIn('zhang', 'a-wrong-1'), signIn('zhang', 'a-wrong-2'), signIn('zhang', 'a-wrong-3')]);
    expect(env.db.prepare("SELECT failed_attempts FROM users WHERE name = 'zhang'").get()).toEqual({ failed_attempts: 3 });
    const [four, five] = await Promise.all([signIn('zhang', 'a-wrong-4'), signIn('zhang', 'a-wrong-5')]);
    expect(four).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    expect(five).toMatchObject({ ok: false, error: { code: 'account_locked', details: { lockedUntil: '2026-11-23T09:05:00.000Z' } } });
  });

  it('honours a lock another process set while the password was being checked', async () => {
    const other = await env.app.openConnection();
    try {
      const pending = signIn('zhang', 'collector-pass');
      await new Promise((r) => setTimeout(r, 10)); // the check has read the user and is hashing
      other.prepare("UPDATE users SET locked_until = '2026-11-23T09:05:00.000Z' WHERE name = 'zhang'").run();
      expect(await pending).toMatchObject({ ok: false, error: { code: 'account_locked' } });
      expect(audited('auth.sign_in_refused')).toBe(1);
    } finally {
      other.close();
    }
  });
});

describe('changing a password', () => {
  const clock = manualClock('2026-11-23T09:00:00.000Z');
  let env: Awaited<ReturnType<typeof setupApp>>;
  beforeEach(async () => {
    clock.set('2026-11-23T09:00:00.000Z');
    env = await setupApp(clock);
    value(await env.app.dispatch('users.add', { name: 'zhang', displayName: '张三', role: 'collector', password: 'collector-pass' }));
    value(await env.app.dispatch('auth.signOut', {}));
    value(await env.app.dispatch('auth.signIn', { name: 'zhang', password: 'collector-pass' }));
  });
  afterEach(() => env.cleanup());

  const change = (currentPassword: string, newPassword = 'new-password-2') => env.app.dispatch('auth.changePassword', { currentPassword, newPassword });
  const audit = (action: string) =>
    env.db.prepare('SELECT actor_id AS actorId, entity_id AS entityId, details FROM audit_events WHERE action = ? ORDER BY seq').all(action) as {
      actorId: string;
      entityId: string;
      details: string;
    }[];

  it('audits each wrong current password with ids only, and the success', async () => {
    const zhang = env.db.prepare("SELECT id FROM users WHERE name = 'zhang'").get() as { id: string };
    expect(await change('wrong-one')).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    expect(await change('wrong-two')).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    value(await change('collector-pass'));
    const failed = audit('auth.password_change_failed');
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({ actorId: zhang.id, entityId: zhang.id });
    expect(JSON.parse(failed[0]!.details)).toEqual({ reason: 'wrong_password' });
    expect(audit('user.password_change')).toHaveLength(1);
    const all = JSON.stringify(env.db.prepare('SELECT * FROM audit_events').all());
    for (const secret of ['wrong-one', 'wrong-two', 'collector-pass', 'new-password-2']) expect(all).not.toContain(secret);
  });

  it('locks the account after five wrong current passwords, sent one by one or at once: the right one is then refused', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => change(`wrong-${i}`)));
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'bad_credentials')).toHaveLength(MAX_FAILED_SIGN_INS - 1);
    expect(codes.filter((c) => c === 'account_locked')).toHaveLength(12 - (MAX_FAILED_SIGN_INS - 1));
    expect(await change('collector-pass')).toMatchObject({ ok: false, error: { code: 'account_locked' } });
    expect(audit('auth.password_change_failed')).toHaveLength(MAX_FAILED_SIGN_INS);
    // The same counter as sign-in: signing in is refused too.
    value(await env.app.dispatch('auth.signOut', {}));
    expect(await env.app.dispatch('auth.signIn', { name: 'zhang', password: 'collector-pass' })).toMatchObject({ ok: false, error: { code: 'account_locked' } });
  });

  it('shares the failure count with sign-in', async () => {
    value(await env.app.dispatch('auth.signOut', {}));
    for (let i = 0; i < 3; i++) await env.app.dispatch('auth.signIn', { name: 'zhang', password: `bad-${i}` });
    expect(await change('still-wrong')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    value(await env.app.dispatch('auth.signIn', { name: 'zhang', password: 'collector-pass' }));
    // A success reset the count: four more wrong ones do not lock, the fifth does.
    for (let i = 0; i < 4; i++) expect(await change(`bad-${i}`)).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    expect(await change('bad-5')).toMatchObject({ ok: false, error: { code: 'account_locked' } });
  });
});
