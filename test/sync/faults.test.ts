import { afterEach, describe, expect, it } from 'vitest';
import type { SyncRoundResult } from '../../shared/contract/sync';
import type { BankClientOptions } from '../../electron/core/sync/bank-client';
import { NO_FAULTS } from '../bank-sim/faults';
import { storeSnapshot } from './snapshot';
import { BANK_A_FILES, importedAsFiles, loadFiles, recorded, recordOutcomes, startAgency, startBank, type Agency, type Bank } from './support';

/** Few tries per request, so that rounds do fail under the injected failures and later rounds must converge. */
const SHORT: BankClientOptions = { retry: { attempts: 2, baseMs: 1, capMs: 5 }, http: { timeoutMs: 5_000 } };

async function untilOk(a: Agency, opts: BankClientOptions, max = 40): Promise<SyncRoundResult[]> {
  const rounds: SyncRoundResult[] = [];
  for (let i = 0; i < max; i++) {
    const r = await a.round(opts);
    rounds.push(r);
    if (r.ok) return rounds;
  }
  throw new Error(`no successful round in ${max}: ${rounds.map((r) => r.errors.map((e) => e.code).join(',')).join(' | ')}`);
}

describe('exactly once under injected failures', () => {
  let bank: Bank;
  let agency: Agency;
  afterEach(async () => {
    agency.close();
    await bank.stop();
  });

  it('fail rate, latency and drops after commit: several rounds converge, nothing lost, nothing duplicated', async () => {
    bank = await startBank({ failRate: 0.3, latencyMs: 5, dropAfterCommit: 0.3, seed: 7 });
    await loadFiles(bank.store, 'bank-a', BANK_A_FILES);
    agency = await startAgency(bank.bank.url, { batchSize: 6 });

    const first = await untilOk(agency, SHORT);
    expect(first.length).toBeGreaterThan(1);
    expect(first.at(-1)?.errors).toEqual([]);
    const failed = first.filter((r) => !r.ok);
    expect(failed[0]?.errors[0]).toMatchObject({ code: expect.stringMatching(/bank_error|connection_lost/) });
    // The pulled data is there once, in pages over several rounds, as one file import of the same files leaves it.
    expect(storeSnapshot(agency.db, 'bank-a')).toEqual(await importedAsFiles('bank-a', BANK_A_FILES));
    expect(agency.count('SELECT count(*) FROM import_files WHERE client_id = ?', agency.client.id)).toBeGreaterThan(3);

    // Outcomes recorded between rounds, some rounds failing half-way.
    recordOutcomes(agency, 25);
    await agency.round(SHORT);
    recordOutcomes(agency, 25, 25);
    const second = await untilOk(agency, SHORT);

    const mine = recorded(agency);
    const stats = bank.store.stats();
    expect({ activities: stats.activities, promises: stats.promises, plans: stats.plans, items: stats.items }).toEqual(mine);
    expect(agency.count("SELECT count(*) FROM outbox WHERE status != 'acked'")).toBe(0);
    expect(stats.counters['injected.drop']).toBeGreaterThan(0);
    expect(stats.counters['injected.fail']).toBeGreaterThan(0);
    // Outcomes whose ack was dropped went again and were acknowledged again, not stored again.
    expect(stats.duplicates).toBeGreaterThan(0);
    expect(second.at(-1)).toMatchObject({ ok: true, pending: 0 });
  });

  it('a bank that answers too late commits anyway: the timed-out outcomes go again and are counted once', async () => {
    bank = await startBank({ ...NO_FAULTS, latencyMs: 300 });
    await loadFiles(bank.store, 'bank-a', [BANK_A_FILES[0]]);
    agency = await startAgency(bank.bank.url, { batchSize: 500 });
    await untilOk(agency, { retry: { attempts: 1, baseMs: 1, capMs: 1 } });
    recordOutcomes(agency, 12);
    const late = await agency.round({ retry: { attempts: 2, baseMs: 1, capMs: 1 }, http: { timeoutMs: 100 } });
    expect(late).toMatchObject({ ok: false, acknowledged: 0, errors: [{ stage: 'push', code: 'timeout' }] });
    expect(late.errors[0]?.message).toMatch(/^The bank at 127\.0\.0\.1:\d+ did not answer within 0\.1 seconds\.$/);
    await new Promise((r) => setTimeout(r, 700));
    expect(bank.store.stats().items).toBe(recorded(agency).items); // committed at the bank, though unacknowledged here

    await bank.restart(NO_FAULTS);
    const done = await agency.round();
    expect(done).toMatchObject({ ok: true, acknowledged: recorded(agency).items, pending: 0 });
    expect(bank.store.stats()).toMatchObject({ items: recorded(agency).items, activities: 12 });
  });

  it('a bank down for a while: each failed round says why, backs off further, and the next healthy round clears it', async () => {
    bank = await startBank({ ...NO_FAULTS, failRate: 0.99, seed: 1 });
    agency = await startAgency(bank.bank.url);
    const one = await agency.round(SHORT);
    const two = await agency.round(SHORT);
    expect(one).toMatchObject({ ok: false, retries: 1, errors: [{ stage: 'pull', code: 'bank_error' }] });
    expect(one.errors[0]?.message).toMatch(/is busy \(HTTP 503\); it will be tried again\. The bank said: “the bank is unavailable/);
    const state = () => agency.db.prepare('SELECT failures, last_error, last_error_at, next_attempt_at, last_success_at FROM sync_state').get() as { failures: number; last_error: string | null; next_attempt_at: string; last_success_at: string | null };
    expect(state()).toMatchObject({ failures: 2, last_error: two.errors[0]?.message, last_success_at: null });
    // The second failure waits longer than the first could: 30 s doubled, half of it jittered.
    expect(Date.parse(state().next_attempt_at) - Date.parse(two.finishedAt)).toBeGreaterThanOrEqual(30_000);

    await bank.restart(NO_FAULTS);
    expect(await agency.round(SHORT)).toMatchObject({ ok: true, errors: [] });
    expect(state()).toMatchObject({ failures: 0, last_error: null });
    expect(Date.parse(state().next_attempt_at) - Date.now()).toBeGreaterThan(14 * 60_000);
  });
});
