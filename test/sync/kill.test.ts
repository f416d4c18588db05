import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/verify';
import { openDatabase } from '../../electron/core/db/open';
import { NO_FAULTS } from '../bank-sim/faults';
import { recordsFromFile } from '../bank-sim/load';
import { generateCases, writeBankACsv } from '../helpers/bank-files';
import { CLI_ARGS, NODE, ROOT } from '../helpers/cli';
import { PASSPHRASE } from '../helpers/core';
import { shippedProfile } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';
import { BANK_A_FILES, loadFiles, recorded, recordOutcomes, startAgency, startBank, type Agency, type Bank } from './support';

const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', COLLECTDESK_PASSPHRASE: PASSPHRASE };
const GENERATED = 2000;

/** `sync --once --json` in a child process (spawned, never spawnSync: the simulator answers from this process). */
function startSync(dataDir: string): { child: ChildProcess; out: { stdout: string; stderr: string }; closed: Promise<number | null> } {
  const child = spawn(NODE, [...CLI_ARGS, 'sync', '--client', 'bank-a', '--once', '--json', '--data', dataDir], { cwd: ROOT, env });
  const out = { stdout: '', stderr: '' };
  child.stdout?.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out.stderr += d.toString()));
  return { child, out, closed: new Promise((resolve) => child.once('close', (code) => resolve(code))) };
}

/** Runs a round and SIGKILLs it as soon as `killWhen` holds; resolves when it is gone. */
async function syncKilledWhen(dataDir: string, killWhen: () => boolean): Promise<void> {
  const { child, out, closed } = startSync(dataDir);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (killWhen()) {
      child.kill('SIGKILL');
      break;
    }
    if (child.exitCode !== null) throw new Error(`the sync round ended (${child.exitCode}) before it could be killed: ${out.stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the sync round never reached the point to kill it');
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await closed;
  expect(child.signalCode).toBe('SIGKILL');
}

async function syncToEnd(dataDir: string): Promise<{ code: number | null; stderr: string; json: Record<string, unknown> }> {
  const { out, closed } = startSync(dataDir);
  const code = await closed;
  return { code, stderr: out.stderr, json: JSON.parse(out.stdout) as Record<string, unknown> };
}

describe('a sync round killed mid-way', () => {
  let bank: Bank;
  let agency: Agency;
  const tmp = makeTempDir();
  beforeAll(async () => {
    bank = await startBank();
    await loadFiles(bank.store, 'bank-a', BANK_A_FILES);
    agency = await startAgency(bank.bank.url, { batchSize: 25 });
    expect((await agency.round()).ok).toBe(true);
    recordOutcomes(agency, 150);
    // A second delivery waits in the feed; the bank now answers slowly, so that a round takes a while.
    const file = join(tmp.dir, 'second.csv');
    writeBankACsv(file, generateCases(GENERATED, { prefix: 'K' }));
    bank.store.append('placement', (await recordsFromFile(shippedProfile('bank-a'), 'placement', file, { batchNo: 'K-2611', today: '2026-11-25' })).records);
    await bank.restart({ ...NO_FAULTS, latencyMs: 40 });
  });
  afterAll(async () => {
    agency.close();
    await bank.stop();
    tmp.cleanup();
  });

  it('loses and duplicates nothing: killed while pushing, killed while pulling, then a round completes', async () => {
    const mine = recorded(agency);
    const served = (name: string): number => bank.store.stats().counters[name] ?? 0;

    // Killed while pushing: the bank has some outcomes, the agency has not marked them all.
    await syncKilledWhen(agency.dataDir, () => bank.store.stats().items > 0);
    const afterPushKill = bank.store.stats().items;
    expect(afterPushKill).toBeGreaterThan(0);
    expect(afterPushKill).toBeLessThan(mine.items);
    expect(agency.count("SELECT count(*) FROM outbox WHERE status = 'acked'")).toBeLessThan(mine.items);

    // Killed while pulling: some pages applied with their cursor, the rest not.
    const pullsBefore = served('served.pull');
    await syncKilledWhen(agency.dataDir, () => served('served.pull') >= pullsBefore + 6);
    const held = agency.count("SELECT count(*) FROM cases WHERE case_no LIKE 'K%'");
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(GENERATED);
    expect(held % 25).toBe(0); // whole pages only
    expect(Number(agency.count('SELECT cursor FROM sync_state'))).toBe(252 + held);

    // The next round completes.
    const done = await syncToEnd(agency.dataDir);
    expect(done.code, done.stderr).toBe(0);
    expect(done.json).toMatchObject({ ok: true, client: 'bank-a', pulled: { placements: GENERATED - held, payments: 0, recalls: 0 }, errors: [], pending: 0 });

    const stats = bank.store.stats();
    expect({ activities: stats.activities, promises: stats.promises, plans: stats.plans, items: stats.items }).toEqual(mine);
    expect(agency.count("SELECT count(*) FROM outbox WHERE status != 'acked'")).toBe(0);
    expect(agency.count("SELECT count(*) FROM cases WHERE case_no LIKE 'K%'")).toBe(GENERATED);
    expect(agency.db.prepare("SELECT batch_no, case_count FROM batches WHERE batch_no = 'K-2611'").all()).toEqual([{ batch_no: 'K-2611', case_count: GENERATED }]);
    expect(Number(agency.count('SELECT cursor FROM sync_state'))).toBe(252 + GENERATED);
    expect(agency.count('SELECT count(*) FROM import_rejects')).toBe(2); // the fixture's unknown case and repeated transaction, once

    // The killed rounds left no half transaction behind: the audit chain is whole.
    const { db } = await openDatabase({ dataDir: agency.dataDir, secret: { passphrase: PASSPHRASE } });
    try {
      expect(verifyAudit(db)).toMatchObject({ intact: true });
    } finally {
      db.close();
    }
  });
});
