import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/core/auth/actor';
import { addClient } from '../../electron/core/clients/clients';
import { deriveKey, readSalt } from '../../electron/core/db/key';
import { openDatabase } from '../../electron/core/db/open';
import { dbFile } from '../../electron/core/db/paths';
import { SyncScheduler } from '../../electron/core/sync/scheduler';
import { storeSyncSecret } from '../../electron/core/sync/secret';
import { NO_FAULTS } from '../bank-sim/faults';
import { PASSPHRASE, setupApp, value } from '../helpers/core';
import { shippedProfile } from '../helpers/fixtures';
import { BANK_A_FILES, FAST, KEY_ID, loadFiles, SECRET, startBank, type Bank } from './support';

describe('sync in the app: status, sync now, the background schedule', () => {
  let bank: Bank;
  let env: Awaited<ReturnType<typeof setupApp>>;
  let key: Buffer;
  let actor: Actor;
  beforeEach(async () => {
    bank = await startBank();
    await loadFiles(bank.store, 'bank-a', BANK_A_FILES);
    env = await setupApp();
    const admin = value(await env.app.dispatch('app.status', {})).user!;
    actor = { id: admin.id, role: 'admin', via: 'ui' };
    key = await deriveKey(PASSPHRASE, readSalt(dbFile(env.dataDir)) as Buffer);
    const now = new Date().toISOString();
    const client = addClient(env.db, actor, { ...shippedProfile('bank-a'), sync: { url: bank.bank.url, keyId: KEY_ID, intervalMinutes: 15, batchSize: 100 } }, now);
    storeSyncSecret(env.db, key, client, SECRET, actor, now);
    addClient(env.db, actor, shippedProfile('bank-b'), now);
  });
  afterEach(async () => {
    env.cleanup();
    await bank.stop();
  });

  it('sync.status says, per client, whether sync is on, what waits and what happened last; sync.now runs a round', async () => {
    const before = value(await env.app.dispatch('sync.status', {}));
    expect(before).toEqual([
      expect.objectContaining({ clientCode: 'bank-a', enabled: true, off: null, url: bank.bank.url, intervalMinutes: 15, pending: 0, failed: 0, lastSuccessAt: null, lastError: null, nextAttemptAt: null, running: false }),
      expect.objectContaining({ clientCode: 'bank-b', enabled: false, off: 'Sync is off for bank-b: its profile has no sync section (url and keyId).', url: null }),
    ]);
    expect(env.app.sync.started).toBe(true);

    const r = value(await env.app.dispatch('sync.now', { clientCode: 'bank-a' }));
    expect(r).toMatchObject({ ok: true, client: 'bank-a', pulled: { placements: 200, payments: 42, recalls: 10 } });
    const [a] = value(await env.app.dispatch('sync.status', { clientCode: 'bank-a' }));
    expect(a).toMatchObject({ lastSuccessAt: r.finishedAt, lastError: null, nextAttemptAt: r.nextAttemptAt, running: false });
    expect(Date.parse(a?.nextAttemptAt ?? '') - Date.parse(r.finishedAt)).toBe(15 * 60_000);
    expect(env.db.prepare("SELECT actor_id, via FROM audit_events WHERE action = 'import.placement'").get()).toEqual({ actor_id: actor.id, via: 'sync' });

    const off = value(await env.app.dispatch('sync.now', { clientCode: 'bank-b' }));
    expect(off).toMatchObject({ ok: false, errors: [{ stage: 'config', code: 'not_configured' }] });
  });

  it('never runs two rounds of one client at once: a second sync.now waits, a scheduled tick skips', async () => {
    await bank.restart({ ...NO_FAULTS, latencyMs: 150 });
    const first = env.app.dispatch('sync.now', { clientCode: 'bank-a' });
    await new Promise((r) => setTimeout(r, 20));
    expect(value(await env.app.dispatch('sync.status', { clientCode: 'bank-a' }))[0]?.running).toBe(true);
    const second = env.app.dispatch('sync.now', { clientCode: 'bank-a' });
    await env.app.sync.tick();
    const [r1, r2] = [value(await first), value(await second)];
    expect(Date.parse(r2.startedAt)).toBeGreaterThanOrEqual(Date.parse(r1.finishedAt));
    expect(r1.pulled.placements + r2.pulled.placements).toBe(200);
    expect(env.db.prepare("SELECT count(*) FROM audit_events WHERE action = 'sync.round'").pluck().get()).toBe(2);
  });

  it('refuses a collector', async () => {
    value(await env.app.dispatch('users.add', { name: 'zhang', displayName: '张三', role: 'collector', password: 'collector-pass' }));
    await env.app.dispatch('auth.signOut', {});
    value(await env.app.dispatch('auth.signIn', { name: 'zhang', password: 'collector-pass' }));
    expect(await env.app.dispatch('sync.now', { clientCode: 'bank-a' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await env.app.dispatch('sync.status', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('the schedule runs due clients on its ticks, waits out the backoff after a failure, and stops with the app', async () => {
    const connect = async () => (await openDatabase({ dataDir: env.dataDir, secret: { key } })).db;
    const logged: unknown[] = [];
    const scheduler = new SyncScheduler({ connect, key: () => key, clock: { now: () => new Date() }, tickMs: 40, bank: FAST, log: (e) => logged.push(e) });
    const rounds = (): number => env.db.prepare("SELECT count(*) FROM audit_events WHERE action = 'sync.round'").pluck().get() as number;
    scheduler.start();
    try {
      for (let i = 0; i < 200 && rounds() < 1; i++) await new Promise((r) => setTimeout(r, 20));
      expect(rounds()).toBe(1);
      expect(env.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(200);
      // Due again only after the interval: later ticks do nothing.
      await new Promise((r) => setTimeout(r, 200));
      expect(rounds()).toBe(1);

      // Made due while the bank is down: one failed round, then the backoff holds the next.
      env.db.prepare('UPDATE sync_state SET next_attempt_at = NULL').run();
      await bank.bank.close();
      for (let i = 0; i < 200 && rounds() < 2; i++) await new Promise((r) => setTimeout(r, 20));
      await scheduler.idle();
      await new Promise((r) => setTimeout(r, 200));
      expect(rounds()).toBe(2);
      expect(env.db.prepare('SELECT failures, last_error IS NOT NULL AS e FROM sync_state').get()).toEqual({ failures: 1, e: 1 });
      expect(logged).toEqual([]);
    } finally {
      scheduler.stop();
      await bank.restart(NO_FAULTS);
    }
    expect(scheduler.started).toBe(false);
    value(await env.app.dispatch('app.lock', {}));
    expect(env.app.sync.started).toBe(false);
  });
});
