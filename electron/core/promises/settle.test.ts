import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReadStream } from 'node:fs';
import { fixture } from '../../../test/helpers/fixtures';
import { setupWithClients } from '../../../test/helpers/import';
import { settlePromises } from './settle';

describe('promise settlement against bank-confirmed payments', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  const caseId = (no: string) => (env.db.prepare('SELECT id FROM cases WHERE case_no = ?').get(no) as { id: string }).id;
  const promise = (no: string, id: string, fen: number, due: string, created = '2026-11-10T02:00:00.000Z') =>
    env.db.prepare(`INSERT INTO promises (id, case_id, amount_fen, due_date, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)`).run(id, caseId(no), fen, due, created, env.actor.id);
  const pay = (no: string, ref: string, fen: number, day: string) =>
    env.db.prepare(`INSERT INTO payments (id, client_id, case_id, kind, txn_ref, amount_fen, paid_at, created_at, created_by) SELECT ?, client_id, id, 'confirmed', ?, ?, ?, 't', ? FROM cases WHERE case_no = ?`).run(`pay-${ref}`, ref, fen, day, env.actor.id, no);
  const status = (id: string) => env.db.prepare('SELECT status, paid_fen AS paid FROM promises WHERE id = ?').get(id);

  beforeEach(async () => {
    env = await setupWithClients();
    await env.run('placement', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'));
  });
  afterEach(() => env.cleanup());

  it('kept when paid in full by the date, partly kept or broken once the date has passed, pending before', () => {
    promise('A261100000001', 'kept', 500_00, '2026-11-20');
    pay('A261100000001', 'T1', 300_00, '2026-11-15');
    pay('A261100000001', 'T2', 200_00, '2026-11-20');
    promise('A261100000002', 'partly', 500_00, '2026-11-20');
    pay('A261100000002', 'T3', 100_00, '2026-11-18');
    promise('A261100000003', 'broken', 500_00, '2026-11-20');
    pay('A261100000003', 'T4', 500_00, '2026-11-21'); // a day late does not keep it
    promise('A261100000004', 'waiting', 500_00, '2026-11-25');
    pay('A261100000004', 'T5', 100_00, '2026-11-22');
    const r = settlePromises(env.db, '2026-11-23', '2026-11-23T02:00:00.000Z');
    expect(r).toEqual({ settled: 3, kept: 1, partlyKept: 1, broken: 1 });
    expect(status('kept')).toEqual({ status: 'kept', paid: 50000 });
    expect(status('partly')).toEqual({ status: 'partly_kept', paid: 10000 });
    expect(status('broken')).toEqual({ status: 'broken', paid: 0 });
    expect(status('waiting')).toEqual({ status: 'pending', paid: 10000 });
  });

  it('does not count a payment made before the promise, and gives each payment to one promise only', () => {
    promise('A261100000005', 'first', 300_00, '2026-11-15', '2026-11-10T02:00:00.000Z');
    promise('A261100000005', 'second', 300_00, '2026-11-20', '2026-11-10T02:00:00.000Z');
    pay('A261100000005', 'T6', 400_00, '2026-11-12');
    pay('A261100000005', 'T7', 100_00, '2026-11-09'); // before either promise was made
    settlePromises(env.db, '2026-11-23', '2026-11-23T02:00:00.000Z');
    expect(status('first')).toEqual({ status: 'kept', paid: 30000 });
    expect(status('second')).toEqual({ status: 'partly_kept', paid: 10000 });
  });

  it('runs by itself after a payments import from the Import screen', async () => {
    // payments-2026-11-20.csv pays 1666.04 on A261100000095 on 2026-11-07.
    promise('A261100000095', 'p95', 1666_04, '2026-11-08', '2026-11-01T02:00:00.000Z');
    const staged = await env.app.stageUpload('payments.csv', createReadStream(fixture('bank-a', 'payments-2026-11-20.csv')));
    const start = await env.app.dispatch('import.start', { clientCode: 'bank-a', kind: 'payments', fileRef: staged.fileRef });
    if (!start.ok) throw new Error(start.error.message);
    for (let i = 0; i < 100; i++) {
      const s = await env.app.dispatch('import.status', { jobId: start.value.jobId });
      if (s.ok && s.value.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status('p95')).toEqual({ status: 'kept', paid: 166604 });
  });
});
