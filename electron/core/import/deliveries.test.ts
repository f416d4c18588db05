import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { addClient, updateClient } from '../clients/clients';
import { readRecords } from '../returns/records';
import { resolvePeriod } from '../returns/period';
import { purgeExpired } from '../retention/purge';
import { generateCases, writeBankACsv, type GeneratedCase } from '../../../test/helpers/bank-files';
import { fixture, shippedProfile } from '../../../test/helpers/fixtures';
import { useImportStore } from '../../../test/helpers/import';

describe('a later delivery of the same cases', () => {
  const t = useImportStore();

  it('updates balance, days overdue, stage and contacts, keeping batch, assignment and activities; counts updated and unchanged', async () => {
    const first = generateCases(50);
    writeBankACsv(join(t.dir, 'd1.csv'), first);
    const s1 = await t.env.run('placement', 'bank-a', join(t.dir, 'd1.csv'));
    expect(s1).toMatchObject({ inserted: 50, updated: 0 });
    const target = first[0]!;
    const before = t.env.db.prepare('SELECT * FROM cases WHERE case_no = ?').get(target.caseNo) as Record<string, unknown>;
    t.env.db.prepare('UPDATE cases SET assigned_to = ? WHERE id = ?').run(t.env.actor.id, before.id);
    t.env.db.prepare(
      `INSERT INTO activities (id, case_id, debtor_id, collector_id, channel, party, started_at, recorded_at, result_code, created_by) VALUES ('act1', ?, ?, ?, 'call', 'none', '2026-11-10T02:00:00Z', '2026-11-10T02:00:00Z', 'NO_ANSWER', ?)`,
    ).run(before.id, before.debtor_id, t.env.actor.id, t.env.actor.id);

    // Second delivery: the first 20 cases move on (balance, days, stage); 30 are the same; 10 are new.
    const moved = generateCases(20, { variant: 1 });
    const same = first.slice(20);
    const fresh = generateCases(10, { start: 1000 });
    writeBankACsv(join(t.dir, 'd2.csv'), [...moved, ...same, ...fresh]);
    // A full re-delivery: the rows of cases placed before keep their own term; the new cases come with this batch's.
    const freshNos = new Set(fresh.map((c) => c.caseNo));
    const text = new TextDecoder('gbk')
      .decode(readFileSync(join(t.dir, 'd2.csv')))
      .split('\n')
      .map((line) => (freshNos.has(line.split(',')[0] ?? '') ? line.replace('2026/11/01,2027/01/31', '2026/12/08,2027/03/08') : line))
      .join('\n');
    writeFileSync(join(t.dir, 'd2.csv'), iconv.encode(text, 'gbk'));
    expect(text).toContain(moved[0]!.caseNo);
    expect(text).toContain('2026/12/08,2027/03/08');
    const s2 = await t.env.run('placement', 'bank-a', join(t.dir, 'd2.csv'));
    expect(s2).toMatchObject({ rows: 60, accepted: 60, inserted: 10, updated: 20, unchanged: 30 });

    const after = t.env.db.prepare('SELECT * FROM cases WHERE case_no = ?').get(target.caseNo) as Record<string, unknown>;
    expect(after).toMatchObject({ id: before.id, batch_id: before.batch_id, assigned_to: t.env.actor.id, placed_amount_fen: before.placed_amount_fen });
    expect(after.balance_fen).toBe(moved[0]!.placedFen);
    expect(after.overdue_days).toBe(moved[0]!.overdueDays);
    // Stages move with the days overdue, and the KPI counts by stage follow the cases to their new stage.
    expect(moved.filter((m, i) => m.stage !== first[i]!.stage).length).toBeGreaterThan(0);
    for (const m of moved) expect(t.env.db.prepare('SELECT stage FROM cases WHERE case_no = ?').pluck().get(m.caseNo)).toBe(m.stage);
    const byStage = (sql: string) => Object.fromEntries((t.env.db.prepare(sql).all() as { stage: string; n: number }[]).map((r) => [r.stage, r.n]));
    expect(byStage("SELECT stage, sum(cases) AS n FROM kpi_group GROUP BY stage HAVING n > 0")).toEqual(byStage('SELECT stage, count(*) AS n FROM cases GROUP BY stage'));
    expect(t.env.db.prepare('SELECT count(*) AS n FROM activities WHERE case_id = ?').get(before.id)).toEqual({ n: 1 });
    // The second batch holds only the cases it placed first.
    expect(t.env.db.prepare('SELECT case_count, placed_at, due_back_at FROM batches WHERE id = ?').get(s2.batchId)).toEqual({ case_count: 10, placed_at: '2026-12-08', due_back_at: '2027-03-08' });
    expect(t.env.db.prepare('SELECT placed_at, due_back_at FROM batches WHERE id = ?').get(s1.batchId)).toEqual({ placed_at: '2026-11-01', due_back_at: '2027-01-31' });
    expect(t.env.count('cases')).toBe(60);
  });
});

describe('one ID number, one person', () => {
  const t = useImportStore();

  it('knows a transcribed name whatever dot separates its parts', async () => {
    const [held, again] = generateCases(2);
    writeBankACsv(join(t.dir, 'd1.csv'), [{ ...held!, name: '阿卜杜·热合曼' }]);
    await t.env.run('placement', 'bank-a', join(t.dir, 'd1.csv'));
    // GBK has no U+2022 (•, which workbooks bring): the full-width full stop is the look-alike a GBK file can hold.
    writeBankACsv(join(t.dir, 'd2.csv'), [{ ...again!, idNumber: held!.idNumber, name: '阿卜杜．热合曼' }]);
    expect(await t.env.run('placement', 'bank-a', join(t.dir, 'd2.csv'))).toMatchObject({ inserted: 1, rejected: [] });
    expect(t.env.count('debtors')).toBe(1);
  });

  it('a new case with a held debtor’s ID number joins that debtor under the same name, and is rejected under another', async () => {
    const [held] = generateCases(1);
    writeBankACsv(join(t.dir, 'd1.csv'), [held!]);
    await t.env.run('placement', 'bank-a', join(t.dir, 'd1.csv'));
    const [same, other, inFile, inFileOther] = generateCases(4, { start: 500 });
    writeBankACsv(join(t.dir, 'd2.csv'), [
      { ...same!, idNumber: held!.idNumber, name: ` ${held!.name.split('').join(' ')} ` },
      { ...other!, idNumber: held!.idNumber, mobile: '13811112222' },
      inFile!,
      { ...inFileOther!, idNumber: inFile!.idNumber },
    ]);
    const s = await t.env.run('placement', 'bank-a', join(t.dir, 'd2.csv'));
    expect(s).toMatchObject({ accepted: 2, inserted: 2 });
    expect(s.rejected).toEqual([
      { row: 3, caseNo: other!.caseNo, field: 'idNumber', code: 'name_mismatch', message: `Row 3: idNumber is held by a debtor under another name: case ${held!.caseNo}.` },
      { row: 5, caseNo: inFileOther!.caseNo, field: 'idNumber', code: 'name_mismatch', message: `Row 5: idNumber is held by a debtor under another name: case ${inFile!.caseNo}.` },
    ]);
    const debtorOf = (caseNo: string) => t.env.db.prepare('SELECT d.id, d.name, d.mobile FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE c.case_no = ?').get(caseNo);
    expect(debtorOf(same!.caseNo)).toEqual(debtorOf(held!.caseNo));
    expect(debtorOf(held!.caseNo)).toMatchObject({ name: held!.name });
    expect(t.env.db.prepare("SELECT count(*) FROM contact_persons WHERE phone = '13811112222'").pluck().get()).toBe(0);
  });
});

describe('a later delivery from a bank that sends no balance column', () => {
  const t = useImportStore(async (env) => {
    // bank-a's layout, with the amount column taken as the placed amount only (no `balance` mapping).
    const profile = shippedProfile('bank-a', 'bank-n');
    const { balance: _omitted, ...columns } = profile.placement!.columns;
    addClient(env.db, env.actor, { ...profile, name: 'Bank N', placement: { ...profile.placement!, columns } }, env.now);
  });
  const caseRow = (caseNo: string) =>
    t.env.db.prepare('SELECT balance_fen, status, last_payment_at, last_payment_fen, overdue_days, stage FROM cases WHERE case_no = ?').get(caseNo) as Record<string, unknown>;

  it('keeps the balance payments left, and a last payment the new file leaves blank', async () => {
    const [c] = generateCases(1);
    writeBankACsv(join(t.dir, 'd1.csv'), [c!]);
    await t.env.run('placement', 'bank-n', join(t.dir, 'd1.csv'));
    writeFileSync(join(t.dir, 'pay.csv'), `案件编号,还款日期,还款金额,交易流水号,还款渠道\n${c!.caseNo},2026-11-20,100.00,TXN-N-1,柜面\n`);
    expect(await t.env.run('payments', 'bank-n', join(t.dir, 'pay.csv'))).toMatchObject({ accepted: 1 });
    expect(caseRow(c!.caseNo)).toMatchObject({ balance_fen: c!.placedFen - 10000, last_payment_at: '2026-11-20', last_payment_fen: 10000 });

    // The next month's file: the same amount (as placed), 30 more days, and the last-payment cells empty.
    const text = new TextDecoder('gbk').decode(readFileSync(join(t.dir, 'd1.csv')));
    const [header, line] = text.trim().split(/\r\n/);
    const cells = line!.split(',');
    cells[13] = String(c!.overdueDays + 30);
    cells[15] = '';
    cells[16] = '';
    writeFileSync(join(t.dir, 'd2.csv'), iconv.encode(`${header}\r\n${cells.join(',')}\r\n`, 'gbk'));
    expect(await t.env.run('placement', 'bank-n', join(t.dir, 'd2.csv'))).toMatchObject({ updated: 1 });
    expect(caseRow(c!.caseNo)).toMatchObject({ balance_fen: c!.placedFen - 10000, last_payment_at: '2026-11-20', last_payment_fen: 10000, overdue_days: c!.overdueDays + 30 });

    // A file whose 最后还款日 is older than the payment confirmed since: the case keeps its latest payment, and the row
    // changes nothing else. A later one is taken.
    cells[15] = '2026/07/30';
    cells[16] = '500.00';
    writeFileSync(join(t.dir, 'd3.csv'), iconv.encode(`${header}\r\n${cells.join(',')}\r\n`, 'gbk'));
    expect(await t.env.run('placement', 'bank-n', join(t.dir, 'd3.csv'))).toMatchObject({ updated: 0, unchanged: 1 });
    expect(caseRow(c!.caseNo)).toMatchObject({ last_payment_at: '2026-11-20', last_payment_fen: 10000 });
    cells[15] = '2026/11/25';
    writeFileSync(join(t.dir, 'd4.csv'), iconv.encode(`${header}\r\n${cells.join(',')}\r\n`, 'gbk'));
    expect(await t.env.run('placement', 'bank-n', join(t.dir, 'd4.csv'))).toMatchObject({ updated: 1 });
    expect(caseRow(c!.caseNo)).toMatchObject({ last_payment_at: '2026-11-25', last_payment_fen: 50000 });
  });
});

describe('a later delivery that gives the balance', () => {
  const t = useImportStore();
  const status = (caseNo: string) => t.env.db.prepare('SELECT status, balance_fen FROM cases WHERE case_no = ?').get(caseNo);

  it('reads a credit balance in a later delivery as nothing owed, and refuses one as the amount of a new case', async () => {
    const [held, fresh] = generateCases(2);
    writeBankACsv(join(t.dir, 'd1.csv'), [held!]);
    await t.env.run('placement', 'bank-a', join(t.dir, 'd1.csv'));
    // The bank writes an overpaid account's balance in brackets, in the amount column (placed amount and balance).
    const text = new TextDecoder('gbk').decode(readFileSync(join(t.dir, 'd1.csv')));
    const credit = (c: GeneratedCase, amount: string) => text.split(/\r\n/)[1]!.replaceAll(held!.caseNo, c.caseNo).replace(`,${(held!.placedFen / 100).toFixed(2)},`, `,${amount},`);
    writeFileSync(join(t.dir, 'd2.csv'), iconv.encode(`${text.split(/\r\n/)[0]}\r\n${credit(held!, '(100.00)')}\r\n${credit(fresh!, '100.00-')}\r\n`, 'gbk'));
    const s = await t.env.run('placement', 'bank-a', join(t.dir, 'd2.csv'));
    expect(s).toMatchObject({ updated: 1, inserted: 0 });
    expect(s.rejected).toMatchObject([{ row: 3, caseNo: fresh!.caseNo, field: 'placedAmount', code: 'negative' }]);
    expect(t.env.db.prepare('SELECT balance_fen, status, placed_amount_fen FROM cases WHERE case_no = ?').get(held!.caseNo)).toEqual({ balance_fen: 0, status: 'paid', placed_amount_fen: held!.placedFen });
  });

  it('marks a case the bank says is settled paid, and works again a paid case the bank says is owing', async () => {
    const cases = generateCases(2);
    writeBankACsv(join(t.dir, 'd1.csv'), cases);
    await t.env.run('placement', 'bank-a', join(t.dir, 'd1.csv'));
    const [settled, reopened] = cases as [GeneratedCase, GeneratedCase];
    t.env.db.prepare("UPDATE cases SET status = 'paid', balance_fen = 0 WHERE case_no = ?").run(reopened.caseNo);

    writeBankACsv(join(t.dir, 'd2.csv'), [{ ...settled, placedFen: 0 }, reopened]);
    expect(await t.env.run('placement', 'bank-a', join(t.dir, 'd2.csv'))).toMatchObject({ updated: 2 });
    expect(status(settled.caseNo)).toEqual({ status: 'paid', balance_fen: 0 });
    expect(status(reopened.caseNo)).toEqual({ status: 'working', balance_fen: reopened.placedFen });
  });
});

describe('payments import', () => {
  const t = useImportStore(async (env) => {
    await env.run('placement', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'));
  });

  const paymentRows = () =>
    readFileSync(fixture('bank-a', 'payments-2026-11-20.csv'), 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));

  it('records bank-confirmed payments once per transaction reference, rejects unknown cases, and lowers balances', async () => {
    const s = await t.env.run('payments', 'bank-a', fixture('bank-a', 'payments-2026-11-20.csv'));
    expect(s).toMatchObject({ kind: 'payments', rows: 42, accepted: 40, inserted: 40 });
    expect(s.rejected.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 42, field: 'caseNo', code: 'unknown_case' },
      { row: 43, field: 'txnRef', code: 'duplicate_txn' },
    ]);
    const rows = paymentRows();
    const first = rows[0]!;
    const paidOnCase = rows.slice(0, 41).filter((r) => r[0] === first[0]).reduce((sum, r) => sum + Math.round(Number(r[2]) * 100), 0);
    const c = t.env.db.prepare('SELECT placed_amount_fen, balance_fen FROM cases WHERE case_no = ?').get(first[0]) as { placed_amount_fen: number; balance_fen: number };
    expect(c.balance_fen).toBe(c.placed_amount_fen - paidOnCase);
    expect(t.env.db.prepare("SELECT kind, count(*) AS n FROM payments GROUP BY kind").all()).toEqual([{ kind: 'confirmed', n: 40 }]);
  });

  it('rejects a transaction reference imported in an earlier file, and marks a case paid in full as paid', async () => {
    await t.env.run('payments', 'bank-a', fixture('bank-a', 'payments-2026-11-20.csv'));
    const c = t.env.db.prepare("SELECT case_no, balance_fen FROM cases WHERE case_no = 'A261100000001'").get() as { case_no: string; balance_fen: number };
    const yuan = `${Math.floor(c.balance_fen / 100)}.${String(c.balance_fen % 100).padStart(2, '0')}`;
    const file = join(t.dir, 'payments-2.csv');
    writeFileSync(file, `\ufeff案件编号,还款日期,还款金额,交易流水号,还款渠道\r\n${c.case_no},2026-11-21,${yuan},TXN-NEW-1,柜面\r\nA261100000052,2026-11-21,10.00,TXN2611000001,柜面\r\n`);
    const s = await t.env.run('payments', 'bank-a', file);
    expect(s).toMatchObject({ inserted: 1, rejected: [{ row: 3, field: 'txnRef', code: 'duplicate_txn' }] });
    expect(t.env.db.prepare("SELECT status, balance_fen, last_payment_at FROM cases WHERE case_no = 'A261100000001'").get()).toEqual({ status: 'paid', balance_fen: 0, last_payment_at: '2026-11-21' });
  });
});

describe('recalls import', () => {
  const t = useImportStore(async (env) => {
    await env.run('placement', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'));
  });

  it('freezes the recalled cases, keeps them for the returns, and records when and why', async () => {
    const s = await t.env.run('recalls', 'bank-a', fixture('bank-a', 'recall-2026-11-25.csv'));
    expect(s).toMatchObject({ kind: 'recalls', rows: 10, accepted: 10, inserted: 10, rejected: [] });
    expect(t.env.db.prepare("SELECT count(*) AS n FROM cases WHERE status = 'recalled'").get()).toEqual({ n: 10 });
    expect(t.env.db.prepare("SELECT r.recalled_at, r.reason FROM recalls r JOIN cases c ON c.id = r.case_id WHERE c.case_no = 'A261100000191'").get()).toEqual({ recalled_at: '2026-11-25', reason: '客户投诉' });
    expect(t.env.count('cases')).toBe(200);
  });

  it('dates a recall without a date of its own by the bank’s day of the import, not the UTC one', async () => {
    writeFileSync(join(t.dir, 'recall.csv'), iconv.encode('案件编号,退案日期,退案原因\r\nA261100000001,,委托到期\r\n', 'gbk'));
    // 04:30 in Shanghai on 24 November is still 23 November in UTC.
    const { importFile } = await import('./import-file');
    await importFile(t.env.db, { kind: 'recalls', clientCode: 'bank-a', file: join(t.dir, 'recall.csv'), actor: t.env.actor, now: '2026-11-23T20:30:00.000Z' });
    expect(t.env.db.prepare('SELECT recalled_at FROM recalls').pluck().get()).toBe('2026-11-24');
  });
});

describe('a recalled case placed again', () => {
  const t = useImportStore();

  it('joins the new batch with its amount and term, is worked again, keeps its history, and is not purged for the old recall', async () => {
    const [again, other] = generateCases(2) as [GeneratedCase, GeneratedCase];
    writeBankACsv(join(t.dir, 'd1.csv'), [again, other]);
    const s1 = await t.env.run('placement', 'bank-a', join(t.dir, 'd1.csv'));
    const caseRow = () => t.env.db.prepare('SELECT id, batch_id, status, placed_amount_fen, balance_fen, assigned_to FROM cases WHERE case_no = ?').get(again.caseNo) as Record<string, unknown>;
    const before = caseRow();
    t.env.db.prepare('UPDATE cases SET assigned_to = ? WHERE id = ?').run(t.env.actor.id, before.id);
    writeFileSync(join(t.dir, 'pay.csv'), `案件编号,还款日期,还款金额,交易流水号,还款渠道\n${again.caseNo},2026-11-20,100.00,TXN-R-1,柜面\n`);
    await t.env.run('payments', 'bank-a', join(t.dir, 'pay.csv'));
    writeFileSync(join(t.dir, 'recall.csv'), iconv.encode(`案件编号,退案日期,退案原因\r\n${again.caseNo},2026-11-25,委托方收回\r\n`, 'gbk'));
    await t.env.run('recalls', 'bank-a', join(t.dir, 'recall.csv'));
    expect(caseRow()).toMatchObject({ status: 'recalled' });
    const recovered = (batchId: unknown) => t.env.db.prepare('SELECT coalesce(sum(recovered_fen), 0) FROM kpi_group WHERE batch_id = ?').pluck().get(batchId);
    expect(recovered(s1.batchId)).toBe(10000);

    // The next hand: the recalled case again (a new amount, a new term), and the other case as it was.
    writeBankACsv(join(t.dir, 'd2.csv'), [{ ...again, placedFen: again.placedFen - 10000 }, other]);
    const text = new TextDecoder('gbk').decode(readFileSync(join(t.dir, 'd2.csv'))).replaceAll('2026/11/01', '2026/12/01').replaceAll('2027/01/31', '2027/03/31');
    writeFileSync(join(t.dir, 'd2.csv'), iconv.encode(text, 'gbk'));
    const s2 = await t.env.run('placement', 'bank-a', join(t.dir, 'd2.csv'));
    expect(s2).toMatchObject({ inserted: 1, unchanged: 1 });
    expect(caseRow()).toEqual({ id: before.id, batch_id: s2.batchId, status: 'new', placed_amount_fen: again.placedFen - 10000, balance_fen: again.placedFen - 10000, assigned_to: t.env.actor.id });
    expect(t.env.db.prepare('SELECT placed_at, due_back_at, case_count, placed_total_fen FROM batches WHERE id = ?').get(s2.batchId)).toEqual({
      placed_at: '2026-12-01', due_back_at: '2027-03-31', case_count: 1, placed_total_fen: again.placedFen - 10000,
    });
    // The batches list counts the cases each batch holds, as the KPIs do: the first one now holds the other case only.
    expect(t.env.db.prepare('SELECT case_count, placed_total_fen FROM batches WHERE id = ?').get(s1.batchId)).toEqual({ case_count: 1, placed_total_fen: other.placedFen });
    expect(t.env.db.prepare('SELECT coalesce(sum(cases), 0) FROM kpi_group WHERE batch_id = ?').pluck().get(s1.batchId)).toBe(1);
    // Its payment of 2026-11-20 was in the first term, not in the new one: it counts for neither batch now.
    expect([recovered(s1.batchId), recovered(s2.batchId)]).toEqual([0, 0]);
    // The returns still report the recall as it was: the case recalled, out of the batch the recall ended.
    const batchNo = (id: unknown) => t.env.db.prepare('SELECT batch_no FROM batches WHERE id = ?').pluck().get(id);
    t.env.db.prepare("UPDATE batches SET batch_no = CASE id WHEN ? THEN 'B-2611' ELSE 'B-2612' END").run(s1.batchId);
    const profile = shippedProfile('bank-a');
    profile.returns!.columns.push({ header: '批次号', field: 'batchNo' }, { header: '案件状态', field: 'caseStatus' });
    updateClient(t.env.db, t.env.actor, profile, t.env.now);
    const period = resolvePeriod(t.env.db, t.env.actor, { clientCode: 'bank-a', from: '2026-11-01', to: '2026-11-30' });
    expect(readRecords(t.env.db, period).filter((r) => r.type === 'recall').map((r) => [r.values.caseNo, r.values.batchNo, r.values.caseStatus])).toEqual([
      [again.caseNo, batchNo(s1.batchId), 'recalled'],
    ]);
    expect(batchNo(s2.batchId)).toBe('B-2612');
    expect(t.env.db.prepare('SELECT count(*) FROM recalls WHERE case_id = ?').pluck().get(before.id)).toBe(1);
    // 90 days after the old recall its data stays: the case is placed again, until 2027-03-31.
    expect(purgeExpired(t.env.db, t.env.actor, '2027-03-01', '2027-03-01T00:00:00.000Z', { vacuum: false }).cases).toBe(0);
    expect(t.env.db.prepare('SELECT d.name FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE c.id = ?').pluck().get(before.id)).toBe(again.name);
  });

  it('is not brought back by its own batch sent again, nor by a placement dated before the recall: it stays frozen', async () => {
    const [held, other] = generateCases(2) as [GeneratedCase, GeneratedCase];
    writeBankACsv(join(t.dir, 'd1.csv'), [held, other]);
    const s1 = await t.env.run('placement', 'bank-a', join(t.dir, 'd1.csv'), { batchNo: 'B-2611' });
    writeFileSync(join(t.dir, 'pay.csv'), `案件编号,还款日期,还款金额,交易流水号,还款渠道\n${held.caseNo},2026-11-20,100.00,TXN-F-1,柜面\n`);
    await t.env.run('payments', 'bank-a', join(t.dir, 'pay.csv'));
    writeFileSync(join(t.dir, 'recall.csv'), iconv.encode(`案件编号,退案日期,退案原因\r\n${held.caseNo},2026-11-25,已结清\r\n`, 'gbk'));
    await t.env.run('recalls', 'bank-a', join(t.dir, 'recall.csv'));
    const caseRow = () => t.env.db.prepare('SELECT batch_id, status, balance_fen FROM cases WHERE case_no = ?').get(held.caseNo);
    const frozen = { batch_id: s1.batchId, status: 'recalled', balance_fen: held.placedFen - 10000 };
    expect(caseRow()).toEqual(frozen);

    // The same batch's file again, saved anew (other bytes, so not refused as the same file): nothing of the recalled case changes.
    writeBankACsv(join(t.dir, 'd1-again.csv'), [held, { ...other, overdueDays: other.overdueDays + 1 }]);
    const again = await t.env.run('placement', 'bank-a', join(t.dir, 'd1-again.csv'), { batchNo: 'B-2611' });
    expect(again).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, rejected: [] });
    expect(caseRow()).toEqual(frozen);

    // Another batch number, but placed on 2026-11-01, before the recall: an old file, not a new placement.
    writeBankACsv(join(t.dir, 'd0.csv'), [held]);
    const old = await t.env.run('placement', 'bank-a', join(t.dir, 'd0.csv'), { batchNo: 'B-2610' });
    expect(old).toMatchObject({ inserted: 0, unchanged: 1 });
    expect(caseRow()).toEqual(frozen);
  });
});
