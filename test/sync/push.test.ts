import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BANK_A_FILES, loadFiles, recorded, recordOutcomes, startAgency, startBank, type Agency, type Bank } from './support';

describe('push: outcomes to the bank, acknowledged by id', () => {
  let bank: Bank;
  let agency: Agency;
  beforeEach(async () => {
    bank = await startBank();
    await loadFiles(bank.store, 'bank-a', [BANK_A_FILES[0]]);
    agency = await startAgency(bank.bank.url, { batchSize: 7 });
    expect((await agency.round()).ok).toBe(true); // the cases, pulled
  });
  afterEach(async () => {
    agency.close();
    await bank.stop();
  });

  it('sends every pending outcome in batches and marks each acknowledged only on the bank’s ack', async () => {
    recordOutcomes(agency, 20);
    const mine = recorded(agency);
    expect(mine).toMatchObject({ activities: 20, promises: 7, plans: 6 });
    expect(mine.items).toBe(20 + 7 + 6 + 3); // + the decisions on three plans

    const r = await agency.round();
    expect(r).toMatchObject({ ok: true, pushed: mine.items, acknowledged: mine.items, refused: 0, pending: 0, errors: [] });
    const stats = bank.store.stats();
    expect(stats).toMatchObject({ activities: 20, promises: 7, plans: 6, items: mine.items, duplicates: 0 });
    expect(stats.counters['served.outcomes']).toBe(Math.ceil(mine.items / 7));
    expect(agency.count("SELECT count(*) FROM outbox WHERE status = 'acked' AND acked_at IS NOT NULL AND attempts = 1")).toBe(mine.items);

    // The bank holds what the agency recorded, by the outbox row's id.
    const held = bank.store.db.prepare("SELECT entity_id FROM outcomes WHERE entity = 'activity' ORDER BY entity_id").pluck().all();
    expect(held).toEqual(agency.db.prepare('SELECT id FROM activities ORDER BY id').pluck().all());
  });

  it('acknowledges a re-sent id again without storing it twice', async () => {
    recordOutcomes(agency, 9);
    const n = recorded(agency).items;
    expect((await agency.round()).acknowledged).toBe(n);
    // The acks were lost (as after a crash before they were written): everything goes again.
    agency.db.prepare("UPDATE outbox SET status = 'pending', acked_at = NULL").run();
    const again = await agency.round();
    expect(again).toMatchObject({ ok: true, pushed: n, acknowledged: n, pending: 0 });
    expect(bank.store.stats()).toMatchObject({ activities: 9, items: n, duplicates: n });
  });

  it('marks an outcome the bank refuses for good as failed, with the bank’s reason, and acknowledges the rest', async () => {
    recordOutcomes(agency, 3);
    const bad = agency.db.prepare("SELECT id FROM outbox WHERE entity = 'activity' ORDER BY id LIMIT 1").pluck().get() as string;
    agency.db.prepare("UPDATE outbox SET payload = json_remove(payload, '$.caseNo') WHERE id = ?").run(bad);
    const r = await agency.round();
    const n = recorded(agency).items;
    expect(r).toMatchObject({ ok: true, pushed: n, acknowledged: n - 1, refused: 1, pending: 0 });
    expect(agency.db.prepare('SELECT status, last_error FROM outbox WHERE id = ?').get(bad)).toEqual({ status: 'failed', last_error: 'The bank refused it (invalid): data.caseNo is missing.' });
    expect((await agency.round()).pushed).toBe(0); // not sent again
  });
});
