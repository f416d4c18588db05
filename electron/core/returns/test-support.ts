import type { Db } from '../db/open';

/**
 * A small hand-made period for returns tests, for a registered client (bank-a or bank-b), all in Asia/Shanghai:
 *   K1 张三丰 (ID 110101199003071234, 13812345678), K2 李四 (ID 44030119851212567X, 13900001111; spouse 王五 13700002222)
 *   a0 K1 2026-11-05 00:00 local  call debtor  REFUSED   (first instant of the period)
 *   a1 K1 2026-11-05 09:30        call debtor  PTP       notes '=HYPERLINK("http://x")'  → promise p1 1,000.00 due 11-10
 *   a2 K2 2026-11-05 14:00        call related LEFT_MESSAGE notes '答应转告, 并回电'
 *   a3 K2 2026-11-06 20:00        call none    NO_ANSWER
 *   a4 K1 2026-11-08 00:30        call debtor  CALLBACK  (after the period 11-05 … 11-07)
 *   pl1 K2 installment 2 × 300.00 from 2026-12-01, made 11-06 11:00 · recall r1 K2 dated 11-06 (客户投诉), taken in on 11-07 · payment K1 500.00 on 11-06
 */
export function seedReturnsPeriod(db: Db, clientCode: string, collectorId: string, prefix = 'A'): { caseIds: string[] } {
  const client = db.prepare('SELECT id FROM clients WHERE code = ?').get(clientCode) as { id: string };
  const t = '2026-11-01T00:00:00.000Z';
  const c = client.id;
  const p = `${clientCode}-`;
  db.transaction(() => {
    db.prepare(`INSERT INTO batches (id, client_id, batch_no, file_name, sha256, placed_at, due_back_at, hand, imported_at, created_by) VALUES (?, ?, 'B2611', 'seed.csv', ?, '2026-11-01', '2026-12-31', 1, ?, ?)`).run(`${p}B1`, c, `${p}sha`, t, collectorId);
    const debtor = (id: string, name: string, idNo: string, mobile: string) =>
      db.prepare(`INSERT INTO debtors (id, client_id, name, id_number, mobile, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(`${p}${id}`, c, name, idNo, mobile, t, collectorId, t);
    debtor('D1', '张三丰', '110101199003071234', '13812345678');
    debtor('D2', '李四', '44030119851212567X', '13900001111');
    const kase = (id: string, no: string, debtorId: string, fen: number, account: string | null) =>
      db.prepare(`INSERT INTO cases (id, client_id, batch_id, debtor_id, case_no, account_masked, placed_amount_fen, balance_fen, stage, assigned_to, status, created_at, created_by, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'M3', ?, 'working', ?, ?, ?)`).run(`${p}${id}`, c, `${p}B1`, `${p}${debtorId}`, no, account, fen, fen, collectorId, t, collectorId, t);
    kase('K1', `${prefix}261100000001`, 'D1', 5000_00, '6225********1234');
    kase('K2', `${prefix}261100000002`, 'D2', 8000_00, null);
    const person = (id: string, debtorId: string, relation: string, name: string, phone: string) =>
      db.prepare(`INSERT INTO contact_persons (id, debtor_id, relation, name, phone, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(`${p}${id}`, `${p}${debtorId}`, relation, name, phone, t, collectorId, t);
    person('CP1', 'D1', 'self', '张三丰', '13812345678');
    person('CP2', 'D2', 'spouse', '王五', '13700002222');
    person('CP3', 'D2', 'self', '李四', '13900001111');
    const act = (id: string, k: string, d: string, cp: string, phone: string, at: string, party: string, code: string, notes: string | null, secs: number) =>
      db.prepare(`INSERT INTO activities (id, case_id, debtor_id, collector_id, channel, party, contact_person_id, phone, started_at, recorded_at, duration_s, result_code, notes, created_by)
        VALUES (?, ?, ?, ?, 'call', ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(`${p}${id}`, `${p}${k}`, `${p}${d}`, collectorId, party, `${p}${cp}`, phone, at, at, secs, code, notes, collectorId);
    act('a0', 'K1', 'D1', 'CP1', '13812345678', '2026-11-04T16:00:00.000Z', 'debtor', 'REFUSED', null, 45);
    act('a1', 'K1', 'D1', 'CP1', '13812345678', '2026-11-05T01:30:00.000Z', 'debtor', 'PTP', '=HYPERLINK("http://x")', 120);
    act('a2', 'K2', 'D2', 'CP2', '13700002222', '2026-11-05T06:00:00.000Z', 'related', 'LEFT_MESSAGE', '答应转告, 并回电', 60);
    act('a3', 'K2', 'D2', 'CP3', '13900001111', '2026-11-06T12:00:00.000Z', 'none', 'NO_ANSWER', null, 0);
    act('a4', 'K1', 'D1', 'CP1', '13812345678', '2026-11-07T16:30:00.000Z', 'debtor', 'CALLBACK', null, 30);
    db.prepare(`INSERT INTO promises (id, case_id, activity_id, amount_fen, due_date, created_at, created_by) VALUES (?, ?, ?, 100000, '2026-11-10', '2026-11-05T01:30:00.000Z', ?)`).run(`${p}p1`, `${p}K1`, `${p}a1`, collectorId);
    db.prepare(`INSERT INTO plans (id, case_id, kind, schedule, status, created_at, created_by) VALUES (?, ?, 'installment', ?, 'requested', '2026-11-06T03:00:00.000Z', ?)`).run(
      `${p}pl1`, `${p}K2`, JSON.stringify([{ dueDate: '2027-01-01', amountFen: 30000 }, { dueDate: '2026-12-01', amountFen: 30000 }]), collectorId,
    );
    db.prepare(`INSERT INTO recalls (id, client_id, case_id, recalled_at, reason, created_at, created_by) VALUES (?, ?, ?, '2026-11-06', '客户投诉', '2026-11-07T02:00:00.000Z', ?)`).run(`${p}r1`, c, `${p}K2`, collectorId);
    db.prepare(`INSERT INTO payments (id, client_id, case_id, kind, txn_ref, amount_fen, paid_at, created_at, created_by) VALUES (?, ?, ?, 'confirmed', ?, 50000, '2026-11-06', ?, ?)`).run(`${p}pay1`, c, `${p}K1`, `${p}T1`, t, collectorId);
  })();
  return { caseIds: [`${p}K1`, `${p}K2`] };
}
