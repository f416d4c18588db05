import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addClient } from '../clients/clients';
import { manualClock, setupApp, value } from '../../../test/helpers/core';
import { shippedProfile } from '../../../test/helpers/fixtures';
import type { Actor } from '../auth/actor';

/** Four cases of one batch (balances 400, 300, 200, 100 元) and two collectors. */
describe('assignment: preview of what moves, and undo of the last one', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;
  let admin: Actor;
  let u1: string;
  let u2: string;
  const clock = manualClock('2026-11-24T02:00:00Z');
  const holders = () => env.db.prepare('SELECT id, assigned_to AS holder, assigned_at AS at FROM cases ORDER BY id').all() as { id: string; holder: string | null; at: string | null }[];
  beforeEach(async () => {
    env = await setupApp(clock);
    const a = value(await env.app.dispatch('app.status', {})).user!;
    admin = { id: a.id, role: 'admin', via: 'ui' };
    u1 = value(await env.app.dispatch('users.add', { name: 'u1', displayName: '一号', role: 'collector', password: 'password-1' })).id;
    u2 = value(await env.app.dispatch('users.add', { name: 'u2', displayName: '二号', role: 'collector', password: 'password-2' })).id;
    const client = addClient(env.db, admin, shippedProfile('bank-a', 'bank-t'), 't');
    const db = env.db;
    db.prepare(`INSERT INTO batches (id, client_id, batch_no, file_name, sha256, placed_at, due_back_at, hand, imported_at, created_by) VALUES ('B1', ?, 'B1', 'B1.csv', 'B1', '2026-11-01', '2026-12-31', 1, 't', ?)`).run(client.id, a.id);
    for (const [k, fen] of [['K1', 400_00], ['K2', 300_00], ['K3', 200_00], ['K4', 100_00]] as const) {
      db.prepare(`INSERT INTO debtors (id, client_id, name, created_at, created_by, updated_at) VALUES (?, ?, ?, 't', ?, 't')`).run(`d${k}`, client.id, k, a.id);
      db.prepare(`INSERT INTO cases (id, client_id, batch_id, debtor_id, case_no, placed_amount_fen, balance_fen, stage, created_at, created_by, updated_at) VALUES (?, ?, 'B1', ?, ?, ?, ?, 'M1', 't', ?, 't')`).run(k, client.id, `d${k}`, k, fen, fen, a.id);
    }
  });
  afterEach(() => env.cleanup());

  it('shows who loses which cases to whom, and restores the previous holders on undo', async () => {
    const first = value(await env.app.dispatch('assign.run', { clientCode: 'bank-t', assignedTo: 'none', to: [u1] }));
    expect(first.assigned).toBe(4);
    const before = holders();
    // moving u1's cases to u2 and u1: the preview names the two that change hands, with their amount
    const preview = value(await env.app.dispatch('assign.preview', { clientCode: 'bank-t', assignedTo: u1, to: [u2, u1] }));
    expect(preview).toMatchObject({ cases: 4, balanceFen: 1000_00, held: 4, livePromises: 0 });
    expect(preview.moves).toEqual([{ from: u1, fromName: '一号', to: u2, toName: '二号', cases: 2, amountFen: 500_00 }]);
    clock.advance(60_000);
    const second = value(await env.app.dispatch('assign.run', { clientCode: 'bank-t', assignedTo: u1, to: [u2, u1] }));
    expect(holders().filter((h) => h.holder === u2).map((h) => h.id)).toEqual(['K1', 'K4']);
    expect(value(await env.app.dispatch('assign.last', {}))).toMatchObject({ opId: second.opId, cases: 4, reassigned: 4 });
    expect(value(await env.app.dispatch('assign.undo', { opId: second.opId }))).toEqual({ restored: 4 });
    expect(holders()).toEqual(before);
    expect(env.db.prepare("SELECT count(*) FROM audit_events WHERE action = 'case.assign.undo'").pluck().get()).toBe(1);
    // undone once: it is no longer the last assignment to undo, and the one before it cannot be undone either
    expect(value(await env.app.dispatch('assign.last', {}))).toBeNull();
    expect(await env.app.dispatch('assign.undo', { opId: second.opId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await env.app.dispatch('assign.undo', { opId: first.opId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('is refused, changing nothing, once a case of the assignment has been worked', async () => {
    const op = value(await env.app.dispatch('assign.run', { clientCode: 'bank-t', assignedTo: 'none', to: [u1, u2] }));
    const after = holders();
    env.db.prepare(`INSERT INTO activities (id, case_id, debtor_id, collector_id, channel, party, started_at, recorded_at, result_code, created_by) VALUES ('a1', 'K2', 'dK2', ?, 'call', 'none', ?, ?, 'NO_ANSWER', ?)`)
      .run(u1, '2099-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z', u1);
    const r = await env.app.dispatch('assign.undo', { opId: op.opId });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', details: { touched: 1 } } });
    expect(holders()).toEqual(after);
  });
});
