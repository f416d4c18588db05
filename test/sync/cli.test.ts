import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { runCliInProcess } from '../helpers/cli';
import { PASSPHRASE } from '../helpers/core';
import { shippedProfile } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';
import { BANK_A_FILES, KEY_ID, loadFiles, SECRET, startBank, type Bank } from './support';

const env = { COLLECTDESK_PASSPHRASE: PASSPHRASE, COLLECTDESK_PASSWORD: 'admin-password-1' };

describe('collectdesk client add/update with a sync secret, and sync --once', () => {
  const tmp = makeTempDir();
  const data = join(tmp.dir, 'data');
  let bank: Bank;
  const profile = (name: string, sync: Record<string, unknown> | undefined, code = 'bank-a'): string => {
    const file = join(tmp.dir, name);
    writeFileSync(file, JSON.stringify({ ...shippedProfile('bank-a'), code, sync }));
    return file;
  };
  const cli = (args: string[], extra: Record<string, string> = {}) => runCliInProcess([...args, '--data', data, '--json'], { ...env, ...extra });

  beforeAll(async () => {
    bank = await startBank();
    await loadFiles(bank.store, 'bank-a', BANK_A_FILES);
    expect((await cli(['init', '--admin', 'boss'])).code).toBe(0);
    expect((await cli(['user', 'add', '--name', 'zhang', '--role', 'collector'])).code).toBe(0);
  });
  afterAll(async () => {
    await bank.stop();
    tmp.cleanup();
  });

  it('refuses a plain http:// address to another host, naming the field', async () => {
    const r = await cli(['client', 'add', '--profile', profile('remote.json', { url: 'http://bank.example.com/v1', keyId: KEY_ID })], { COLLECTDESK_SYNC_SECRET: SECRET });
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((r.json.error as { message: string }).message).toContain('sync.url: plain http:// is accepted only for this computer (127.0.0.1, ::1, localhost), not for bank.example.com: the bank connection must use https://');
  });

  it('refuses a secret that is too short, registering nothing', async () => {
    const r = await cli(['client', 'add', '--profile', profile('short.json', { url: bank.bank.url, keyId: KEY_ID })], { COLLECTDESK_SYNC_SECRET: 'short' });
    expect(r).toMatchObject({ code: 1, json: { ok: false, error: { code: 'invalid_input', message: 'The sync secret must be 16 to 512 characters on one line.' } } });
    expect((await cli(['sync', '--client', 'bank-a', '--once'])).json).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('without a secret the client is registered with sync off, and a round says why', async () => {
    const r = await cli(['client', 'add', '--profile', profile('b.json', { url: bank.bank.url, keyId: KEY_ID }, 'bank-z')]);
    expect(r.json).toMatchObject({ ok: true, sync: { enabled: false, off: 'Sync is off for bank-z: no sync secret is stored. Give it with client update and $COLLECTDESK_SYNC_SECRET.' } });
    const s = await cli(['sync', '--client', 'bank-z', '--once']);
    expect(s.code).toBe(1);
    expect(s.json).toMatchObject({ ok: false, client: 'bank-z', pushed: 0, errors: [{ stage: 'config', code: 'not_configured' }], error: { code: 'sync_failed' } });
  });

  it('stores the secret sealed (never as text), audited without it; update without a secret keeps it', async () => {
    const file = profile('a.json', { url: bank.bank.url, keyId: KEY_ID, intervalMinutes: 5 });
    expect((await cli(['client', 'add', '--profile', file], { COLLECTDESK_SYNC_SECRET: SECRET })).json).toMatchObject({ ok: true, sync: { enabled: true, off: null } });
    expect((await cli(['client', 'update', '--profile', file])).json).toMatchObject({ ok: true, sync: { enabled: true } });
    const { db } = await openDatabase({ dataDir: data, secret: { passphrase: PASSPHRASE } });
    try {
      const blob = db.prepare("SELECT sync_secret_enc FROM clients WHERE code = 'bank-a'").pluck().get() as Buffer;
      expect(blob.length).toBe(1 + 12 + 16 + SECRET.length);
      expect(blob.includes(Buffer.from(SECRET))).toBe(false);
      expect(db.prepare("SELECT count(*) FROM audit_events WHERE action = 'client.sync_secret_set' AND details NOT LIKE ?").pluck().get(`%${SECRET}%`)).toBe(1);
      expect(db.prepare('SELECT count(*) FROM clients WHERE profile_json LIKE ?').pluck().get(`%${SECRET}%`)).toBe(0);
    } finally {
      db.close();
    }
  });

  it('sync --client C --once --json: one round, in the shape of CLI.md', async () => {
    const r = await cli(['sync', '--client', 'bank-a', '--once']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ ok: true, client: 'bank-a', pushed: 0, acknowledged: 0, pulled: { placements: 200, payments: 42, recalls: 10 }, errors: [] });
    const human = await runCliInProcess(['sync', '--client', 'bank-a', '--once', '--data', data], env);
    expect(human.stdout).toMatch(/^Synced bank-a: pushed 0, acknowledged 0; pulled 0 placements, 0 payments, 0 recalls/);
  });

  it('refuses bad usage (exit 2) and a collector (exit 1)', async () => {
    expect((await cli(['sync', '--client', 'bank-a'])).code).toBe(2);
    expect((await cli(['sync', '--once'])).code).toBe(2);
    expect((await cli(['sync', '--client', 'bank-a', '--once', '--as', 'zhang'])).json).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a bank that cannot be reached: exit 1, the reason in words, recorded for the status screen', async () => {
    await bank.bank.close();
    try {
      const r = await cli(['sync', '--client', 'bank-a', '--once']);
      expect(r.code).toBe(1);
      expect(r.json).toMatchObject({ ok: false, error: { code: 'sync_failed' }, errors: [{ stage: 'pull', code: 'unreachable' }] });
      expect((r.json.error as { message: string }).message).toMatch(/^The bank's sync service at 127\.0\.0\.1:\d+ refused the connection \(it is not running there, or the address is wrong\)\.$/);
      const { db } = await openDatabase({ dataDir: data, secret: { passphrase: PASSPHRASE } });
      try {
        expect(db.prepare("SELECT s.last_error, s.failures FROM sync_state s JOIN clients c ON c.id = s.client_id WHERE c.code = 'bank-a'").get()).toEqual({ last_error: (r.json.error as { message: string }).message, failures: 1 });
      } finally {
        db.close();
      }
    } finally {
      await bank.restart({ failRate: 0, latencyMs: 0, dropAfterCommit: 0 });
    }
  });
});
