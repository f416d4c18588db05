import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE, ROOT, runCliProcess } from '../helpers/cli';
import { PASSPHRASE } from '../helpers/core';
import { fixture, shippedProfile } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';

// The simulator as `npm run bank-sim -- …` runs it: its own process, on its own store.
const SIM = ['--import', 'tsx', 'test/bank-sim/main.ts'];
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', COLLECTDESK_PASSPHRASE: PASSPHRASE, COLLECTDESK_PASSWORD: 'admin-password-1' };

function sim(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(NODE, [...SIM, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run bank-sim', () => {
  const tmp = makeTempDir();
  const bankData = join(tmp.dir, 'bank');
  const agency = join(tmp.dir, 'agency');
  let server: ChildProcess;
  let url: string;
  beforeAll(async () => {
    expect(sim(['load', '--data', bankData, '--client', 'bank-a', 'placements', fixture('bank-a', 'placement-2026-11.csv'), '--json']).stdout).toContain('"loaded":200');
    server = spawn(NODE, [...SIM, '--data', bankData, '--port', '0', '--key-id', 'agency-9', '--secret', 'simulator secret 0123456789', '--drop-after-commit', '0.2', '--seed', '3'], { cwd: ROOT, env });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const line = out.split('\n')[0];
        if (out.includes('\n') && line) resolve((JSON.parse(line) as { listening: string }).listening);
      });
      server.once('exit', (code) => reject(new Error(`bank-sim exited ${code}`)));
    });
  });
  afterAll(async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    tmp.cleanup();
  });

  it('serves the API on 127.0.0.1; the agency syncs with it; stats says what it holds', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const profile = join(tmp.dir, 'bank-a.json');
    writeFileSync(profile, JSON.stringify({ ...shippedProfile('bank-a'), sync: { url, keyId: 'agency-9', batchSize: 50 } }));
    expect(runCliProcess(['init', '--data', agency, '--admin', 'boss'], env).code).toBe(0);
    expect(runCliProcess(['client', 'add', '--data', agency, '--profile', profile], { ...env, COLLECTDESK_SYNC_SECRET: 'simulator secret 0123456789' }).code).toBe(0);
    // A drop after commit may fail a round (after its retries); the next one goes on from where it stopped.
    const syncUntilOk = () => {
      let r = runCliProcess(['sync', '--client', 'bank-a', '--once', '--json', '--data', agency], env);
      for (let i = 0; i < 5 && r.code !== 0; i++) r = runCliProcess(['sync', '--client', 'bank-a', '--once', '--json', '--data', agency], env);
      return r;
    };
    const first = syncUntilOk();
    expect(first.code, first.stderr).toBe(0);
    const outcome = runCliProcess(['activity', 'add', '--data', agency, '--client', 'bank-a', '--case', 'A261100000001', '--channel', 'call', '--party', 'debtor', '--phone', '13986441641', '--at', '2026-11-24T10:00:00+08:00', '--result', 'NO_ANSWER', '--json'], env);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(syncUntilOk().json).toMatchObject({ ok: true, pushed: 1, acknowledged: 1, pending: 0 });

    const stats = sim(['stats', '--data', bankData, '--json']);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ activities: 1, promises: 0, plans: 0, items: 1, feed: { placements: 200, payments: 0, recalls: 0 } });
    expect(sim(['stats', '--data', bankData]).stdout).toMatch(/^activities 1, promises 0, plans 0/);
  });

  it('loads JSON records as they are, and refuses bad switches', () => {
    const file = join(tmp.dir, 'recalls.json');
    writeFileSync(file, JSON.stringify([{ caseNo: 'A261100000002', recalledAt: '2026-11-28', reason: '结清' }]));
    expect(JSON.parse(sim(['load', '--data', bankData, '--records', 'recalls', file, '--json']).stdout)).toEqual({ ok: true, kind: 'recall', loaded: 1, left: [] });
    const bad = sim(['--data', bankData, '--port', '0', '--key-id', 'k', '--secret', 's', '--fail-rate', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fail-rate must be a fraction from 0 up to (not including) 1, not 1.5.');
    expect(sim(['--data', bankData, '--port', '0', '--host', '0.0.0.0', '--key-id', 'k', '--secret', 's']).code).toBe(2);
  });
});
