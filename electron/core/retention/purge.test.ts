import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/open';
import { dbFile } from '../db/paths';
import { PASSPHRASE } from '../../../test/helpers/core';
import { fixture } from '../../../test/helpers/fixtures';
import { setupWithClients } from '../../../test/helpers/import';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { previewPurge, purgeExpired } from './purge';

/** Every text value of every table, and the database decrypted to plaintext bytes: where a purge can fail. */
async function plaintextCopy(dataDir: string, into: string): Promise<Buffer> {
  mkdirSync(into, { recursive: true });
  copyFileSync(dbFile(dataDir), dbFile(into));
  const { db } = await openDatabase({ dataDir: into, secret: { passphrase: PASSPHRASE } });
  db.pragma("rekey = ''"); // decrypt every page, the free ones included
  db.close();
  return readFileSync(dbFile(into));
}

describe('retention and purge', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  let tmp: ReturnType<typeof makeTempDir>;
  const person = (caseNo: string) => env.db.prepare('SELECT d.name, d.id_number AS id, d.mobile FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE c.case_no = ?').get(caseNo) as { name: string; id: string; mobile: string };
  beforeEach(async () => {
    env = await setupWithClients();
    tmp = makeTempDir();
    await env.run('placement', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'));
    await env.run('recalls', 'bank-a', fixture('bank-a', 'recall-2026-11-25.csv'));
  });
  afterEach(() => {
    env.cleanup();
    tmp.cleanup();
  });

  it('purges the recalled cases once their retention has run out, keeps the figures, and leaves no byte of them in the file', async () => {
    const gone = person('A261100000191');
    const kept = person('A261100000001');
    const caseId = (env.db.prepare("SELECT id, debtor_id FROM cases WHERE case_no = 'A261100000191'").get() as { id: string; debtor_id: string });
    env.db.prepare(`INSERT INTO activities (id, case_id, debtor_id, collector_id, channel, party, phone, started_at, recorded_at, result_code, notes, created_by)
      VALUES ('act-gone', ?, ?, ?, 'call', 'debtor', ?, '2026-11-20T02:00:00Z', 't', 'REFUSED', '本人称暂无能力还款-NOTE-MARKER', ?)`).run(caseId.id, caseId.debtor_id, env.actor.id, gone.mobile, env.actor.id);

    // Before the retention (90 days after 2026-11-25) nothing is purged.
    expect(purgeExpired(env.db, env.actor, '2027-02-22', 't')).toEqual({ cases: 0, debtors: 0, vacuumed: false });
    const r = purgeExpired(env.db, env.actor, '2027-02-23', '2027-02-23T00:00:00.000Z');
    expect(r).toEqual({ cases: 10, debtors: 10, vacuumed: true });

    // The figures stay: the case, its amounts, the activity's code and date.
    expect(env.db.prepare("SELECT placed_amount_fen > 0 AS ok, status FROM cases WHERE case_no = 'A261100000191'").get()).toEqual({ ok: 1, status: 'recalled' });
    expect(env.db.prepare("SELECT result_code, phone, notes FROM activities WHERE id = 'act-gone'").get()).toEqual({ result_code: 'REFUSED', phone: null, notes: null });
    expect(env.db.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'case.purge'").get()).toEqual({ n: 10 });
    // The WAL holds nothing any more.
    const wal = `${dbFile(env.dataDir)}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);

    const bytes = await plaintextCopy(env.dataDir, join(tmp.dir, 'plain'));
    expect(bytes.subarray(0, 15).toString()).toBe('SQLite format 3'); // really decrypted: the search below means something
    for (const needle of [gone.name, gone.id, gone.mobile, 'NOTE-MARKER']) expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
    for (const needle of [kept.name, kept.id, kept.mobile]) expect(bytes.includes(Buffer.from(needle)), needle).toBe(true);
  });

  it('purges cases past their batch’s due-back date after the retention, and only an admin may run it', () => {
    expect(() => purgeExpired(env.db, { ...env.actor, role: 'lead' }, '2027-12-31', 't')).toThrow(/Only an admin/);
    const r = purgeExpired(env.db, env.actor, '2027-05-01', '2027-05-01T00:00:00.000Z'); // due back 2027-01-31 + 90 days
    expect(r.cases).toBe(200);
    expect(env.db.prepare("SELECT count(*) AS n FROM debtors WHERE name IS NOT NULL OR id_number IS NOT NULL OR mobile IS NOT NULL").get()).toEqual({ n: 0 });
    expect(env.db.prepare('SELECT count(*) AS n FROM contact_persons').get()).toEqual({ n: 0 });
    expect(env.db.prepare("SELECT status FROM batches").get()).toEqual({ status: 'purged' });
  });

  it('says before the purge how many cases and debtors it will touch, by client and batch, and what it keeps back', () => {
    expect(previewPurge(env.db, env.actor, '2027-02-22')).toMatchObject({ cases: 0, debtors: 0, byBatch: [] });
    const p = previewPurge(env.db, env.actor, '2027-02-23');
    expect(p).toMatchObject({ today: '2027-02-23', cases: 10, debtors: 10, held: { cases: 0, debtors: 0 } });
    expect(p.byBatch).toEqual([{ clientCode: 'bank-a', clientName: '示例银行A信用卡中心', batchId: expect.any(String), batchNo: null, fileName: 'placement-2026-11.csv', cases: 10 }]);
    expect(p.retention.find((r) => r.clientCode === 'bank-a')).toEqual({ clientCode: 'bank-a', clientName: '示例银行A信用卡中心', purgeAfterDays: 90, cutoff: '2026-11-25' });
    expect(env.db.prepare('SELECT count(*) FROM debtors WHERE purged_at IS NOT NULL').pluck().get()).toBe(0);
    expect(() => previewPurge(env.db, { ...env.actor, role: 'lead' }, '2027-02-23')).toThrow(/Only an admin/);

    // The purge confirmed with another count than is due now does nothing; with the preview's count, exactly that.
    expect(() => purgeExpired(env.db, env.actor, '2027-05-01', 't', { expectCases: p.cases })).toThrow(/200 cases are due for purging now, not the 10 shown/);
    expect(env.db.prepare('SELECT count(*) FROM debtors WHERE purged_at IS NOT NULL').pluck().get()).toBe(0);
    expect(purgeExpired(env.db, env.actor, '2027-02-23', 't', { expectCases: p.cases, vacuum: false })).toEqual({ cases: 10, debtors: 10, vacuumed: false });
  });

  it('keeps back a due case whose debtor still has a case that is not due', () => {
    const due = env.db.prepare("SELECT id, debtor_id AS debtorId, client_id AS clientId, batch_id AS batchId FROM cases WHERE case_no = 'A261100000191'").get() as { id: string; debtorId: string; clientId: string; batchId: string };
    const other = env.db.prepare("SELECT id FROM cases WHERE case_no = 'A261100000001'").get() as { id: string };
    env.db.prepare('UPDATE cases SET debtor_id = ? WHERE id = ?').run(due.debtorId, other.id);
    const p = previewPurge(env.db, env.actor, '2027-02-23');
    expect(p).toMatchObject({ cases: 9, debtors: 9, held: { cases: 1, debtors: 1 } });
  });
});
