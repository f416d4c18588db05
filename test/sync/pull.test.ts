import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordActivity } from '../../electron/core/contact/record-activity';
import { residentId } from '../helpers/bank-files';
import { fixture } from '../helpers/fixtures';
import { storeSnapshot } from './snapshot';
import { BANK_A_FILES, importedAsFiles, loadFiles, startAgency, startBank, type Agency, type Bank } from './support';

const wrongCheckDigit = (id: string): string => `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`;

describe('pull: the bank’s placements, payments and recalls, applied as the file imports apply them', () => {
  let bank: Bank;
  let agency: Agency | null = null;
  beforeEach(async () => {
    bank = await startBank();
  });
  afterEach(async () => {
    agency?.close();
    agency = null;
    await bank.stop();
  });

  it('bank-a: placement, payments (one unknown case, one transaction twice) and recalls leave the store a file import leaves', async () => {
    await loadFiles(bank.store, 'bank-a', BANK_A_FILES);
    agency = await startAgency(bank.bank.url);
    const r = await agency.round();
    expect(r).toMatchObject({ ok: true, pulled: { placements: 200, payments: 42, recalls: 10 }, applied: { inserted: 250, rejected: 2 }, cursor: '252' });
    expect(r.rejections.map((x) => [x.kind, x.code])).toEqual([['payment', 'unknown_case'], ['payment', 'duplicate_txn']]);
    const pulled = storeSnapshot(agency.db, 'bank-a');
    expect(pulled).toEqual(await importedAsFiles('bank-a', BANK_A_FILES));
    expect(pulled.cases?.length).toBe(200);
    expect(pulled.recalls?.length).toBe(10);
    expect(pulled.batches).toEqual([expect.objectContaining({ case_count: 200, placed_at: '2026-11-01', due_back_at: '2027-01-31', hand: 1 })]);

    // Nothing new: the cursor stays, nothing is applied twice.
    expect(await agency.round()).toMatchObject({ ok: true, pulled: { placements: 0, payments: 0, recalls: 0 }, cursor: '252' });
    expect(storeSnapshot(agency.db, 'bank-a')).toEqual(pulled);
  });

  it('in small pages, one delivery stays one batch and the result is the same', async () => {
    await loadFiles(bank.store, 'bank-a', BANK_A_FILES);
    agency = await startAgency(bank.bank.url, { batchSize: 37 });
    const r = await agency.round();
    expect(r).toMatchObject({ ok: true, pulled: { placements: 200, payments: 42, recalls: 10 } });
    expect(bank.store.stats().counters['served.pull']).toBe(Math.ceil(252 / 37));
    expect(storeSnapshot(agency.db, 'bank-a')).toEqual(await importedAsFiles('bank-a', BANK_A_FILES));
  });

  it('bank-b: an XLSX delivery (batch number in the title rows, contacts in one cell) the same way', async () => {
    const files = [{ kind: 'placement', file: fixture('bank-b', 'placement-2026-11.xlsx') }] as const;
    await loadFiles(bank.store, 'bank-b', files);
    agency = await startAgency(bank.bank.url, {}, 'bank-b');
    expect(await agency.round()).toMatchObject({ ok: true, pulled: { placements: 150 } });
    const pulled = storeSnapshot(agency.db, 'bank-b');
    expect(pulled).toEqual(await importedAsFiles('bank-b', files));
    expect(pulled.batches).toEqual([expect.objectContaining({ batch_no: '2026年11月', case_count: 150 })]);
  });

  it('a pulled payment lowers the balance and settles the promise it keeps; a pulled recall freezes the case', async () => {
    await loadFiles(bank.store, 'bank-a', [BANK_A_FILES[0]]);
    agency = await startAgency(bank.bank.url);
    await agency.round();
    const a = agency;
    const c = a.db.prepare("SELECT c.case_no, c.balance_fen, d.mobile FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE case_no = 'A261100000007'").get() as { case_no: string; balance_fen: number; mobile: string };
    const rec = recordActivity(a.db, a.actor, {
      clientCode: 'bank-a', caseNo: c.case_no, channel: 'call', party: 'debtor', phone: c.mobile, at: new Date('2026-11-24T02:00:00.000Z'),
      resultCode: 'PTP', confirmations: ['CN-ID', 'CN-RPC', 'CN-R1'], promise: { amountFen: 50_000, dueDate: '2026-11-30' },
    });
    a.db.prepare("UPDATE promises SET created_at = '2026-11-24T02:00:00.000Z' WHERE id = ?").run(rec.promiseId);
    bank.store.append('payment', [{ caseNo: c.case_no, paidAt: '2026-11-26', amountFen: 50_000, txnRef: 'TXN-SYNC-1', channel: '手机银行' }]);
    bank.store.append('recall', [{ caseNo: 'A261100000009', recalledAt: '2026-11-27', reason: '银行收回' }]);

    const r = await a.round();
    expect(r).toMatchObject({ ok: true, pushed: 2, acknowledged: 2, pulled: { payments: 1, recalls: 1 }, applied: { inserted: 2, rejected: 0 } });
    expect(a.db.prepare('SELECT balance_fen, last_payment_at, last_payment_fen FROM cases WHERE case_no = ?').get(c.case_no)).toEqual({ balance_fen: c.balance_fen - 50_000, last_payment_at: '2026-11-26', last_payment_fen: 50_000 });
    expect(a.db.prepare('SELECT status, paid_fen FROM promises WHERE id = ?').get(rec.promiseId)).toEqual({ status: 'kept', paid_fen: 50_000 });
    expect(a.db.prepare("SELECT status, next_action_at FROM cases WHERE case_no = 'A261100000009'").get()).toEqual({ status: 'recalled', next_action_at: null });
    expect(a.db.prepare("SELECT r.recalled_at, r.reason FROM recalls r JOIN cases c ON c.id = r.case_id WHERE c.case_no = 'A261100000009'").get()).toEqual({ recalled_at: '2026-11-27', reason: '银行收回' });
  });

  it('the bank is authoritative for balances: a later placement of a held case updates it and keeps its batch and history', async () => {
    await loadFiles(bank.store, 'bank-a', [BANK_A_FILES[0]]);
    agency = await startAgency(bank.bank.url);
    await agency.round();
    const before = agency.db.prepare("SELECT batch_id, balance_fen FROM cases WHERE case_no = 'A261100000001'").get() as { batch_id: string; balance_fen: number };
    const [first] = bank.store.page(null, 1).records;
    bank.store.append('placement', [{ ...first?.data, balanceFen: 1_000_00, overdueDays: 700, batchNo: null }]);
    const r = await agency.round();
    expect(r).toMatchObject({ ok: true, pulled: { placements: 1 }, applied: { updated: 1, inserted: 0 } });
    expect(agency.db.prepare("SELECT batch_id, balance_fen, overdue_days FROM cases WHERE case_no = 'A261100000001'").get()).toEqual({ batch_id: before.batch_id, balance_fen: 100_000, overdue_days: 700 });
  });

  it('rejects a bad record as the file import rejects a bad row, skips kinds it does not know, and refuses a malformed page whole', async () => {
    await loadFiles(bank.store, 'bank-a', [BANK_A_FILES[0]]);
    agency = await startAgency(bank.bank.url);
    await agency.round();
    bank.store.append('placement', [
      { caseNo: 'X-1', debtorName: '赵六', idNumber: wrongCheckDigit(residentId('110101', '19800101', 7)), placedAmountFen: 100_00, batchNo: 'B-X' },
      { caseNo: 'X-2', debtorName: '钱七', placedAmountFen: -5, batchNo: 'B-X' },
      { caseNo: 'X-3', debtorName: '孙八', placedAmountFen: 300_00, batchNo: 'B-X', contacts: [{ name: '孙九', relation: '兄弟', phone: '13912345678' }] },
    ]);
    bank.store.append('notice', [{ text: 'a kind this version does not know' }]);
    const r = await agency.round();
    expect(r).toMatchObject({ ok: true, pulled: { placements: 3 }, applied: { inserted: 1, rejected: 2, skipped: 1 }, cursor: '204' });
    expect(r.rejections.map((x) => [x.row, x.caseNo, x.field, x.code])).toEqual([[201, 'X-1', 'idNumber', 'checksum'], [202, 'X-2', 'placedAmount', 'negative']]);
    expect(agency.db.prepare("SELECT p.relation, p.phone FROM contact_persons p JOIN cases c ON c.debtor_id = p.debtor_id WHERE c.case_no = 'X-3'").all()).toEqual([{ relation: 'sibling', phone: '13912345678' }]);

    bank.store.append('placement', [{ caseNo: 'X-4', debtorName: '周十', placedAmountFen: 100, batchNo: 'B-X' }, { caseNo: 'X-5', debtorName: { first: '吴' }, placedAmountFen: 100 }]);
    const bad = await agency.round();
    expect(bad).toMatchObject({ ok: false, cursor: '204', errors: [{ stage: 'pull', code: 'protocol' }] });
    expect(bad.errors[0]?.message).toMatch(/malformed placement record \(#206, debtorName/);
    expect(agency.count("SELECT count(*) FROM cases WHERE case_no = 'X-4'")).toBe(0);
  });
});
