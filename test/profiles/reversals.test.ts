// A payments file with reversals (冲正): a negative amount undoes a payment the bank confirmed before — the one a
// column names, or the case's payment of that amount. The payment stops counting as recovered, and the case owes it again.
import { describe, expect, it } from 'vitest';
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addClient, parseProfile } from '../../electron/core/clients/clients';
import { getCaseDetail } from '../../electron/core/cases/case-detail';
import { fixture, shippedProfile } from '../helpers/fixtures';
import { useImportStore } from '../helpers/import';

const HEADER = '案件编号,还款日期,还款金额,交易流水号,还款渠道,原交易流水号';

describe('payment reversals (冲正)', () => {
  const t = useImportStore(async (env) => {
    const profile = shippedProfile('bank-a', 'bank-r');
    profile.payments = { ...profile.payments!, columns: { ...profile.payments!.columns, reverses: '原交易流水号' } };
    addClient(env.db, env.actor, profile, env.now);
    await env.run('placement', 'bank-r', fixture('bank-a', 'placement-2026-11.csv'));
  });
  const write = (name: string, rows: string[]): string => {
    const file = join(t.dir, name);
    writeFileSync(file, `${[HEADER, ...rows].join('\n')}\n`);
    return file;
  };
  const caseOf = (caseNo: string) =>
    t.env.db.prepare('SELECT c.id, c.balance_fen AS balance, c.status, c.last_payment_at AS lastAt, c.last_payment_fen AS lastFen, k.recovered_fen AS recovered, k.recovered_payments AS payments FROM cases c LEFT JOIN kpi_case k ON k.case_id = c.id WHERE c.case_no = ?').get(caseNo) as {
      id: string; balance: number; status: string; lastAt: string | null; lastFen: number | null; recovered: number | null; payments: number | null;
    };

  it('undo the payment they name or the case payment of that amount: balance, status, last payment and recoveries', async () => {
    const before = caseOf('A261100000002');
    const paidOff = caseOf('A261100000003');
    const s = await t.env.run('payments', 'bank-r', write('HK_20261121.csv', [
      'A261100000002,2026-11-20,1000.00,P1,柜面,',
      'A261100000002,2026-11-21,500.00,P2,柜面,',
      'A261100000002,2026-11-19,300.00,P5,柜面,',
      `A261100000003,2026-11-21,${(paidOff.balance / 100).toFixed(2)},P3,柜面,`,
      // the case's payment of 1,000.00, found by its amount; the other by the reference the bank gives
      'A261100000002,2026-11-22,-1000.00,P1-CZ,柜面,',
      `A261100000003,2026-11-22,-${(paidOff.balance / 100).toFixed(2)},P3-CZ,柜面,P3`,
      // a reversal of nothing this case was paid
      'A261100000002,2026-11-22,-123.45,P9-CZ,柜面,',
      'A261100000002,2026-11-22,-500.00,P8-CZ,柜面,P3',
      // the reference of a rejected row is not taken: the bank's corrected row after it is
      'A261100000002,2026-11-22,-300.00,P8-CZ,柜面,P5',
    ]));
    expect(s).toMatchObject({ rows: 9, accepted: 7, inserted: 4, updated: 3 });
    expect(s.rejected.map((r) => [r.row, r.field, r.code])).toEqual([[8, 'amount', 'unmatched_reversal'], [9, 'reverses', 'unmatched_reversal']]);
    expect(s.rejected[0]!.message).toBe('Row 8: amount matches no payment of this case to reverse: -123.45.');

    const after = caseOf('A261100000002');
    expect(after).toMatchObject({ balance: before.balance - 50000, lastAt: '2026-11-21', lastFen: 50000, recovered: 50000, payments: 1 });
    // paid off, then reversed: owed again and worked again; no payment left to count or to show as the last
    expect(caseOf('A261100000003')).toMatchObject({ balance: paidOff.balance, status: 'working', recovered: 0, payments: 0, lastAt: null, lastFen: null });
    const reports = t.env.db.prepare("SELECT sum(recovered_fen) AS fen, sum(recovered_cases) AS cases FROM kpi_group g JOIN clients cl ON cl.id = g.client_id WHERE cl.code = 'bank-r'").get();
    expect(reports).toEqual({ fen: 50000, cases: 1 });

    // the collector still sees the reversed payment, marked as such
    const detail = getCaseDetail(t.env.db, t.env.actor, after.id, new Date('2026-11-23T02:00:00Z'));
    expect(detail.payments.map((p) => [p.txnRef, p.amountFen, p.reversedAt, p.reversalRef])).toEqual([
      ['P2', 50000, null, null],
      ['P1', 100000, '2026-11-22', 'P1-CZ'],
      ['P5', 30000, '2026-11-22', 'P8-CZ'],
    ]);
  });

  it('show in the preview the payment they undo, also when matched by amount', async () => {
    await t.env.run('payments', 'bank-r', write('HK_P1.csv', ['A261100000005,2026-11-20,1000.00,Q1,柜面,', 'A261100000005,2026-11-22,1000.00,Q2,柜面,']));
    const file = write('HK_P2.csv', ['A261100000005,2026-11-21,-1000.00,Q1-CZ,柜面,', 'A261100000005,2026-11-23,-1000.00,Q2-CZ,柜面,Q2']);
    const staged = await t.env.app.stageUpload('HK_P2.csv', createReadStream(file));
    const preview = await t.env.app.dispatch('import.preview', { clientCode: 'bank-r', kind: 'payments', fileRef: staged.fileRef });
    expect(preview.ok && preview.value.rows.map((r) => [r.row, r.outcome, r.values.reverses])).toEqual([[2, 'updated', 'Q1'], [3, 'updated', 'Q2']]);
  });

  it('are taken once, and a reversed payment delivered again stays reversed', async () => {
    await t.env.run('payments', 'bank-r', write('HK_1.csv', ['A261100000002,2026-11-20,1000.00,P1,柜面,', 'A261100000002,2026-11-22,-1000.00,P1-CZ,柜面,P1']));
    const s = await t.env.run('payments', 'bank-r', write('HK_2.csv', ['A261100000002,2026-11-20,1000.00,P1,柜面,', 'A261100000002,2026-11-22,-1000.00,P1-CZ,柜面,P1', 'A261100000002,2026-11-23,200.00,P4,柜面,']));
    expect(s).toMatchObject({ accepted: 1, inserted: 1 });
    expect(s.rejected.map((r) => [r.row, r.code, r.message])).toEqual([
      [2, 'duplicate_txn', 'Row 2: txnRef is already recorded: P1, by an earlier import.'],
      [3, 'duplicate_txn', 'Row 3: txnRef is already recorded: P1-CZ, by an earlier import.'],
    ]);
    expect(caseOf('A261100000002')).toMatchObject({ recovered: 20000, payments: 1 });
  });

  it('of an overpayment give back what it took off the balance, not the whole amount', async () => {
    const owed = caseOf('A261100000004').balance;
    const over = ((owed + 20000) / 100).toFixed(2);
    await t.env.run('payments', 'bank-r', write('HK_O1.csv', [`A261100000004,2026-11-20,${over},O1,柜面,`]));
    expect(caseOf('A261100000004')).toMatchObject({ balance: 0, status: 'paid' });
    const s = await t.env.run('payments', 'bank-r', write('HK_O2.csv', [`A261100000004,2026-11-21,-${over},O1-CZ,柜面,O1`]));
    expect(s).toMatchObject({ updated: 1, rejected: [] });
    expect(caseOf('A261100000004')).toMatchObject({ balance: owed, status: 'working', recovered: 0 });
  });

  it('are also rows whose transaction type says so, whatever the sign of their amount', async () => {
    const profile = shippedProfile('bank-a', 'bank-y');
    profile.payments = { ...profile.payments!, columns: { ...profile.payments!.columns, txnType: '交易类型' }, reversalTypes: ['冲正', '撤销'] };
    addClient(t.env.db, t.env.actor, profile, t.env.now);
    await t.env.run('placement', 'bank-y', fixture('bank-a', 'placement-2026-11.csv'));
    const file = join(t.dir, 'HK_Y.csv');
    writeFileSync(file, '案件编号,还款日期,还款金额,交易流水号,还款渠道,交易类型\nA261100000002,2026-11-20,800.00,Y1,柜面,正常还款\nA261100000002,2026-11-21,800.00,Y1-CZ,柜面, 冲 正 \n');
    const s = await t.env.run('payments', 'bank-y', file);
    expect(s).toMatchObject({ accepted: 2, inserted: 1, updated: 1, rejected: [] });
    expect(t.env.db.prepare("SELECT count(*) FROM payments p JOIN clients cl ON cl.id = p.client_id WHERE cl.code = 'bank-y'").pluck().get()).toBe(0);

    const bad = { ...profile, code: 'bank-z', payments: { ...profile.payments, columns: { ...profile.payments.columns, txnType: undefined } } };
    expect(() => parseProfile(JSON.parse(JSON.stringify(bad)), 'bank-z.json')).toThrow(/payments\.reversalTypes: needs the column of the transaction type: map "txnType" in columns/);
  });

  it('a waiver (减免) lowers the balance but is no payment: nothing recovered, no commission, its reference taken once', async () => {
    const profile = shippedProfile('bank-a', 'bank-w');
    profile.payments = { ...profile.payments!, columns: { ...profile.payments!.columns, txnType: '交易类型' }, reversalTypes: ['冲正'], adjustmentTypes: ['减免', '息费减免'] };
    addClient(t.env.db, t.env.actor, profile, t.env.now);
    await t.env.run('placement', 'bank-w', fixture('bank-a', 'placement-2026-11.csv'));
    const before = t.env.db.prepare("SELECT c.balance_fen FROM cases c JOIN clients cl ON cl.id = c.client_id WHERE cl.code = 'bank-w' AND c.case_no = 'A261100000002'").pluck().get() as number;
    const file = join(t.dir, 'HK_W.csv');
    writeFileSync(file, '案件编号,还款日期,还款金额,交易流水号,还款渠道,交易类型\nA261100000002,2026-11-20,1000.00,W1,柜面,正常还款\nA261100000002,2026-11-20,-500.00,W2,柜面,息费减免\n');
    const pick = () => t.env.db.prepare("SELECT c.balance_fen AS balance, k.recovered_fen AS recovered FROM cases c JOIN clients cl ON cl.id = c.client_id LEFT JOIN kpi_case k ON k.case_id = c.id WHERE cl.code = 'bank-w' AND c.case_no = 'A261100000002'").get();
    // the preview tells the waiver from a payment
    const staged = await t.env.app.stageUpload('HK_W.csv', createReadStream(file));
    const preview = await t.env.app.dispatch('import.preview', { clientCode: 'bank-w', kind: 'payments', fileRef: staged.fileRef });
    expect(preview.ok && preview.value.rows.map((r) => [r.values.txnType, r.outcome])).toEqual([['正常还款', 'inserted'], ['息费减免', 'adjusted']]);
    expect(await t.env.run('payments', 'bank-w', file)).toMatchObject({ accepted: 2, inserted: 1, updated: 1, rejected: [] });
    expect(pick()).toEqual({ balance: before - 150000, recovered: 100000 });
    expect(t.env.db.prepare("SELECT txn_type, amount_fen, applied_fen, adjusted_at FROM balance_adjustments WHERE txn_ref = 'W2'").get()).toEqual({ txn_type: '息费减免', amount_fen: 50000, applied_fen: 50000, adjusted_at: '2026-11-20' });
    // the collector sees the waiver beside the payment, marked as no payment
    const caseId = t.env.db.prepare("SELECT c.id FROM cases c JOIN clients cl ON cl.id = c.client_id WHERE cl.code = 'bank-w' AND c.case_no = 'A261100000002'").pluck().get() as string;
    const detail = getCaseDetail(t.env.db, t.env.actor, caseId, new Date('2026-11-23T02:00:00Z'));
    expect(detail.payments.map((p) => [p.txnRef, p.amountFen, p.adjustment]).sort()).toEqual([['W1', 100000, null], ['W2', 50000, '息费减免']]);
    const again = join(t.dir, 'HK_W2.csv');
    writeFileSync(again, '案件编号,还款日期,还款金额,交易流水号,还款渠道,交易类型\nA261100000002,2026-11-20,500.00,W2,柜面,减免\n');
    expect((await t.env.run('payments', 'bank-w', again)).rejected.map((r) => r.code)).toEqual(['duplicate_txn']);
    expect(pick()).toEqual({ balance: before - 150000, recovered: 100000 });

    const both = { ...profile, code: 'bank-v', payments: { ...profile.payments, adjustmentTypes: ['冲正'] } };
    expect(() => parseProfile(JSON.parse(JSON.stringify(both)), 'bank-v.json')).toThrow(/payments\.adjustmentTypes: "冲正" is in reversalTypes too/);
  });

  it('a row of a type the profile ignores (扣款失败, amount 0) is taken as unchanged: no payment, no rejection, its reference not taken', async () => {
    const profile = shippedProfile('bank-a', 'bank-f');
    profile.payments = { ...profile.payments!, columns: { ...profile.payments!.columns, txnType: '交易类型' }, ignoreTypes: ['扣款失败'] };
    addClient(t.env.db, t.env.actor, profile, t.env.now);
    await t.env.run('placement', 'bank-f', fixture('bank-a', 'placement-2026-11.csv'));
    const file = join(t.dir, 'HK_F.csv');
    writeFileSync(
      file,
      '案件编号,还款日期,还款金额,交易流水号,还款渠道,交易类型\nA261100000002,2026-11-20,0,F1,代扣,扣款失败\nNOSUCHCASE01,2026-11-20,0.00,F2,代扣,扣 款 失 败\nA261100000002,2026-11-21,300.00,F1,代扣,正常还款\n',
    );
    const staged = await t.env.app.stageUpload('HK_F.csv', createReadStream(file));
    const preview = await t.env.app.dispatch('import.preview', { clientCode: 'bank-f', kind: 'payments', fileRef: staged.fileRef });
    expect(preview.ok && preview.value.rows.map((r) => [r.values.txnType, r.values.amount, r.outcome, r.problem])).toEqual([
      ['扣款失败', '0', 'unchanged', null],
      ['扣 款 失 败', '0.00', 'unchanged', null],
      ['正常还款', '300.00', 'inserted', null],
    ]);
    expect(await t.env.run('payments', 'bank-f', file)).toMatchObject({ rows: 3, accepted: 3, inserted: 1, unchanged: 2, rejected: [] });
    expect(t.env.db.prepare("SELECT p.txn_ref, p.amount_fen FROM payments p JOIN clients cl ON cl.id = p.client_id WHERE cl.code = 'bank-f'").all()).toEqual([{ txn_ref: 'F1', amount_fen: 30000 }]);

    const overlap = { ...profile, code: 'bank-u', payments: { ...profile.payments, ignoreTypes: ['冲正'], reversalTypes: ['冲正'] } };
    expect(() => parseProfile(JSON.parse(JSON.stringify(overlap)), 'bank-u.json')).toThrow(/payments\.ignoreTypes: "冲正" is in reversalTypes or adjustmentTypes too/);
  });
});
