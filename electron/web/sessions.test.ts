import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoreApp } from '../core/app/core-app';
import { manualClock } from '../../test/helpers/core';
import { send, setCookies, type Reply } from '../../test/helpers/http';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { readCookie } from './sessions';
import { startWebHost, type WebHost } from './server';

const SETUP = { passphrase: 'correct horse battery', adminName: 'boss', adminDisplayName: 'Boss', adminPassword: 'boss-password' };
const MINUTE = 60_000;

describe('web host sessions: the token opens the door, each browser signs in for itself', () => {
  const clock = manualClock('2026-11-23T09:00:00.000Z');
  let tmp: ReturnType<typeof makeTempDir>;
  let host: WebHost;
  let app: CoreApp;

  /** A browser: the token from the printed URL, and whatever cookie the host set for it. */
  function browser() {
    let cookie: string | null = null;
    const replies: Reply[] = [];
    const call = async (method: string, input: unknown = {}) => {
      const headers: Record<string, string> = { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' };
      if (cookie) headers.Cookie = cookie;
      const reply = await send(host.port, { method: 'POST', path: `/api/${method}`, headers, body: JSON.stringify(input) });
      replies.push(reply);
      for (const line of setCookies(reply)) {
        const [pair] = line.split(';');
        const value = readCookie(pair, `collectdesk_session_${host.port}`);
        cookie = value ? pair! : null;
      }
      return JSON.parse(reply.body) as { ok: boolean; value?: { user?: { name: string } | null; state?: string }; error?: { code: string } };
    };
    return { call, cookie: () => cookie, last: () => replies[replies.length - 1]!, setCookie: (c: string | null) => (cookie = c) };
  }

  beforeEach(async () => {
    clock.set('2026-11-23T09:00:00.000Z');
    tmp = makeTempDir();
    const staticDir = join(tmp.dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>CollectDesk</title>');
    app = new CoreApp({ dataDir: join(tmp.dir, 'data'), via: 'web', clock });
    host = await startWebHost({ app, staticDir });
  });
  afterEach(async () => {
    await host.close();
    app.close();
    tmp.cleanup();
  });

  async function withCollector() {
    const admin = browser();
    expect(await admin.call('app.setup', SETUP)).toMatchObject({ ok: true });
    expect(await admin.call('users.add', { name: 'zhang', displayName: '张三', role: 'collector', password: 'collector-pass' })).toMatchObject({ ok: true });
    return admin;
  }

  it('a second browser with only the token is not signed in because the first one is', async () => {
    const first = await withCollector();
    expect((await first.call('app.status')).value).toMatchObject({ state: 'open', user: { name: 'boss' } });
    const second = browser();
    expect((await second.call('app.status')).value).toMatchObject({ state: 'open', user: null });
    expect(await second.call('users.list')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await second.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await first.call('users.list')).toMatchObject({ ok: true });
  });

  it('sets the session as an HttpOnly, SameSite=Strict cookie with a random id, never in the body, and a new id at each sign-in', async () => {
    const a = browser();
    await a.call('app.setup', SETUP);
    const [line] = setCookies(a.last());
    expect(line).toMatch(/^collectdesk_session_\d+=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const firstId = a.cookie()!;
    expect(a.last().body).not.toContain(firstId.split('=')[1]);
    await a.call('auth.signIn', { name: 'boss', password: SETUP.adminPassword });
    const secondId = a.cookie()!;
    expect(secondId).not.toBe(firstId);
    // The id it replaced no longer signs anybody in.
    const replay = browser();
    replay.setCookie(firstId);
    expect((await replay.call('app.status')).value).toMatchObject({ user: null });
    expect(setCookies(replay.last())[0]).toMatch(/Max-Age=0/);
  });

  it('sign-out ends only that browser’s session', async () => {
    const admin = await withCollector();
    const zhang = browser();
    expect(await zhang.call('auth.signIn', { name: 'zhang', password: 'collector-pass' })).toMatchObject({ ok: true });
    const zhangCookie = zhang.cookie();
    expect(await zhang.call('auth.signOut')).toMatchObject({ ok: true });
    expect(setCookies(zhang.last())[0]).toMatch(/Max-Age=0/);
    expect((await zhang.call('app.status')).value).toMatchObject({ state: 'open', user: null });
    const replay = browser();
    replay.setCookie(zhangCookie);
    expect(await replay.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await admin.call('app.status')).value).toMatchObject({ user: { name: 'boss' } });
    expect(await admin.call('users.list')).toMatchObject({ ok: true });
  });

  it('refuses a session idle past the idle-lock time; the last one to idle out locks the store', async () => {
    const admin = await withCollector();
    const zhang = browser();
    await zhang.call('auth.signIn', { name: 'zhang', password: 'collector-pass' });
    clock.advance(10 * MINUTE);
    expect(await admin.call('users.list')).toMatchObject({ ok: true }); // the admin is active, zhang is not
    clock.advance(5 * MINUTE);
    expect(await zhang.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(setCookies(zhang.last())[0]).toMatch(/Max-Age=0/);
    expect((await admin.call('app.status')).value).toMatchObject({ state: 'open', user: { name: 'boss' } });
    clock.advance(15 * MINUTE);
    expect(await admin.call('users.list')).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(app.status().state).toBe('locked');
  });

  it('locks the store when the tab is closed: no request is needed, the host sweeps idle sessions', async () => {
    await withCollector();
    clock.advance(14 * MINUTE);
    await host.sessions.sweep();
    expect(app.status().state).toBe('open');
    clock.advance(1 * MINUTE);
    await host.sessions.sweep();
    expect(app.status().state).toBe('locked');
    expect(app.signedInSessions).toBe(0);
    expect(host.sessions.size).toBe(0);
  });

  it('follows the idle-lock preference (0: never), and a screen’s own polling does not keep a session alive', async () => {
    const admin = await withCollector();
    await admin.call('prefs.set', { idleLockMinutes: 5 });
    clock.advance(3 * MINUTE);
    await admin.call('sync.status');
    clock.advance(3 * MINUTE);
    expect(await admin.call('sync.status')).toMatchObject({ ok: false, error: { code: 'locked' } });

    await admin.call('app.unlock', { passphrase: SETUP.passphrase });
    await admin.call('auth.signIn', { name: 'boss', password: SETUP.adminPassword });
    await admin.call('prefs.set', { idleLockMinutes: 0 });
    clock.advance(24 * 60 * MINUTE);
    await host.sessions.sweep();
    expect(await admin.call('users.list')).toMatchObject({ ok: true });
  });

  it('locks an open store nobody signs in to after the idle-lock time without requests', async () => {
    const admin = await withCollector();
    await admin.call('auth.signOut');
    clock.advance(14 * MINUTE);
    await host.sessions.sweep();
    expect(app.status().state).toBe('open');
    clock.advance(1 * MINUTE);
    await host.sessions.sweep();
    expect(app.status().state).toBe('locked');
  });

  it('the tab’s own idle timer ends its session only while someone else is still signed in', async () => {
    const admin = await withCollector();
    const zhang = browser();
    await zhang.call('auth.signIn', { name: 'zhang', password: 'collector-pass' });
    expect((await zhang.call('app.lock', { idle: true })).value).toMatchObject({ state: 'open', user: null });
    expect(await admin.call('users.list')).toMatchObject({ ok: true });
    expect((await admin.call('app.lock', { idle: true })).value).toMatchObject({ state: 'locked', user: null });
  });

  it('a lock from one browser signs every browser out', async () => {
    const admin = await withCollector();
    const zhang = browser();
    await zhang.call('auth.signIn', { name: 'zhang', password: 'collector-pass' });
    await admin.call('app.lock');
    await admin.call('app.unlock', { passphrase: SETUP.passphrase });
    expect((await zhang.call('app.status')).value).toMatchObject({ state: 'open', user: null });
    expect(await zhang.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
