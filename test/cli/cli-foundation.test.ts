import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCliProcess } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp-dir';

describe('the collectdesk command line: init, user add, audit verify', () => {
  const tmp = makeTempDir();
  const data = join(tmp.dir, 'data');
  const env = { COLLECTDESK_PASSPHRASE: 'correct horse battery staple', COLLECTDESK_PASSWORD: 'admin-password-1' };
  beforeAll(() => {
    const r = runCliProcess(['init', '--data', data, '--admin', 'boss', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('init made an encrypted database with an admin, and refuses to run twice (exit 1, JSON error)', () => {
    const again = runCliProcess(['init', '--data', data, '--admin', 'boss', '--json'], env);
    expect(again.code).toBe(1);
    expect(again.json).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(again.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('user add creates a user with the role asked for, acting as the admin when no --as is given', () => {
    const r = runCliProcess(['user', 'add', '--data', data, '--name', 'zhang', '--role', 'collector', '--display-name', '张三', '--json'], { ...env, COLLECTDESK_PASSWORD: 'collector-pass' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ ok: true, user: { name: 'zhang', displayName: '张三', role: 'collector', disabled: false } });
  });

  it('applies the --as user’s role: a collector cannot add users', () => {
    const r = runCliProcess(['user', 'add', '--data', data, '--name', 'li', '--role', 'admin', '--as', 'zhang', '--json'], env);
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('says "wrong passphrase" (exit 1, code wrong_passphrase) with a wrong passphrase', () => {
    const r = runCliProcess(['audit', 'verify', '--data', data, '--json'], { ...env, COLLECTDESK_PASSPHRASE: 'not it at all' });
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'wrong_passphrase' } });
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on bad usage, naming what is wrong', () => {
    const missing = runCliProcess(['user', 'add', '--data', data, '--json'], env);
    expect(missing.code).toBe(2);
    expect(missing.json).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/--name/) } });
    expect(runCliProcess(['frobnicate'], env).code).toBe(2);
    expect(runCliProcess(['user', 'add', '--data', data, '--name', 'x', '--role', 'boss'], env).code).toBe(2);
  });

  it('audit verify walks the chain: init, the admin, the new user', () => {
    const r = runCliProcess(['audit', 'verify', '--data', data, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ ok: true, intact: true, firstBrokenSeq: null });
    expect(r.json.events).toBeGreaterThanOrEqual(3);
  });
});
