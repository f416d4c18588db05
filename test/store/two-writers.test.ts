import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_BUSY_TIMEOUT_MS } from '../../electron/core/app/core-app';
import { assignCases } from '../../electron/core/assignment/assign';
import { stagePath } from '../../electron/core/import/staging';
import { generateCases, writeBankACsv } from '../helpers/bank-files';
import { CLI_ARGS, NODE, ROOT } from '../helpers/cli';
import { manualClock, PASSPHRASE, value } from '../helpers/core';
import { fixture } from '../helpers/fixtures';
import { setupWithClients, type ImportStore } from '../helpers/import';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * Two processes write the one store at once: a large import in one, collectors' saves in the other. Every save either
 * goes through or is answered `busy` with a sentence that says an import is writing — never `internal` ("database is
 * locked"), which is what 1,243 of 1,512 saves got during a command-line import before every transaction began as a
 * writer (BEGIN IMMEDIATE, so the busy timeout applies).
 */
const AT = '2026-11-24T02:00:00.000Z'; // 10:00 in Shanghai, within calling hours
const ROWS = 60_000;
const BUSY_SENTENCE = /import.*writing.*try again in a moment/i;

type Outcomes = Record<string, number>;

function childEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', COLLECTDESK_PASSPHRASE: PASSPHRASE };
}

function onlySavedOrBusy(outcomes: Outcomes): void {
  expect(Object.keys(outcomes).filter((code) => code !== 'ok' && code !== 'busy'), JSON.stringify(outcomes)).toEqual([]);
}

describe('two processes writing the store at once', () => {
  let env: ImportStore;
  let tmp: ReturnType<typeof makeTempDir>;
  let targets: { caseId: string; contactId: string }[];
  beforeAll(async () => {
    env = await setupWithClients(manualClock(AT));
    await env.run('placement', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'));
    value(await env.app.dispatch('users.add', { name: 'zhang', displayName: '张三', role: 'collector', password: 'collector-pass' }));
    assignCases(env.db, env.actor, { clientCode: 'bank-a', to: ['zhang'] }, env.now);
    await env.app.dispatch('auth.signOut', {});
    value(await env.app.dispatch('auth.signIn', { name: 'zhang', password: 'collector-pass' }));
    targets = env.db
      .prepare("SELECT k.id AS caseId, p.id AS contactId FROM cases k JOIN contact_persons p ON p.debtor_id = k.debtor_id AND p.relation = 'self' ORDER BY k.case_no")
      .all() as { caseId: string; contactId: string }[];
    tmp = makeTempDir();
    writeBankACsv(join(tmp.dir, 'placement-cli.csv'), generateCases(ROWS, { prefix: 'L' }));
    writeBankACsv(join(tmp.dir, 'placement-app.csv'), generateCases(ROWS, { prefix: 'M' }));
  }, 120_000);
  afterAll(() => {
    env?.cleanup();
    tmp?.cleanup();
  });

  it('saves in the app while the command line imports a large file: each is saved or answered busy, none fails', async () => {
    const child = spawn(NODE, [...CLI_ARGS, 'import', 'placement', '--client', 'bank-a', join(tmp.dir, 'placement-cli.csv'), '--data', env.dataDir, '--json'], {
      cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    let running = true;
    const exited = new Promise<number>((resolve) => child.on('exit', (code) => ((running = false), resolve(code ?? -1))));
    const outcomes: Outcomes = {};
    const messages = new Set<string>();
    for (let i = 0; running; i++) {
      const t = targets[i % targets.length]!;
      const r = await env.app.dispatch('activity.record', { caseId: t.caseId, contactId: t.contactId, channel: 'call', party: 'debtor', resultCode: 'NO_ANSWER' });
      const code = r.ok ? 'ok' : r.error.code;
      if (!r.ok) messages.add(r.error.message);
      outcomes[code] = (outcomes[code] ?? 0) + 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await exited, stdout).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, accepted: ROWS });
    onlySavedOrBusy(outcomes);
    for (const m of messages) expect(m).toMatch(BUSY_SENTENCE);
    expect(outcomes.ok ?? 0).toBeGreaterThan(20);
  }, 120_000);

  it('saves in another process while the app imports a large file: each is saved or answered busy, none fails', async () => {
    const stopFile = join(tmp.dir, 'stop');
    const child = spawn(NODE, ['--import', 'tsx', 'test/store/save-loop.ts', env.dataDir, PASSPHRASE, 'zhang', AT, stopFile], {
      cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ready = new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), stdout.includes('ready\n') && resolve())));
    const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    await Promise.race([ready, exited]);

    const staged = await stagePath(env.dataDir, join(tmp.dir, 'placement-app.csv'));
    const { jobId } = env.app.imports.start({ clientCode: 'bank-a', kind: 'placement', fileRef: staged.fileRef, actor: env.actor });
    // Saves in the app itself meanwhile: its import cannot go on while this thread waits, so they do not wait for it
    // (the app would freeze): each is answered at once, saved or busy, and the screen tries again.
    const inApp: Outcomes = {};
    let slowestBusy = 0;
    for (let i = 0; env.app.imports.status(jobId).state === 'running'; i++) {
      const t = targets[(i * 7) % targets.length]!;
      const started = performance.now();
      const r = await env.app.dispatch('activity.record', { caseId: t.caseId, contactId: t.contactId, channel: 'call', party: 'debtor', resultCode: 'NO_ANSWER' });
      const code = r.ok ? 'ok' : r.error.code;
      if (code === 'busy') slowestBusy = Math.max(slowestBusy, performance.now() - started);
      inApp[code] = (inApp[code] ?? 0) + 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    writeFileSync(stopFile, '');
    onlySavedOrBusy(inApp);
    // A busy answer that waited would have taken the app's whole busy timeout, holding the import still meanwhile.
    expect(slowestBusy).toBeLessThan(APP_BUSY_TIMEOUT_MS);

    expect(await exited, stderr).toBe(0);
    const job = env.app.imports.status(jobId);
    expect(job.error).toBeNull();
    expect(job.summary).toMatchObject({ accepted: ROWS });
    const { outcomes, messages } = JSON.parse(stdout.slice(stdout.indexOf('ready\n') + 6)) as { outcomes: Outcomes; messages: Record<string, string> };
    onlySavedOrBusy(outcomes);
    if (messages.busy) expect(messages.busy).toMatch(BUSY_SENTENCE);
    expect(outcomes.ok ?? 0).toBeGreaterThan(20);
  }, 120_000);
});
