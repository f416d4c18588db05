// A bank layout unlike the shipped ones, written as an admin would from docs/profiles.md: the data on the second sheet
// of a workbook under title rows that carry the batch number and the placement date, amounts in fen, dates as
// YYYYMMDD and Excel serial numbers, stages as bare period counts (0 mapped to M1), contacts in one cell with a
// relation word of the bank's own (Excel day 46003 = 2025-12-12); payments as a GB18030 TSV; recalls as a pipe-delimited file dated by its name.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { addClient, getClient, parseProfile } from '../../electron/core/clients/clients';
import { previewImport } from '../../electron/core/import/preview';
import { residentId } from '../helpers/bank-files';
import { useImportStore } from '../helpers/import';

const PROFILE = {
  profileVersion: 1,
  code: 'bank-c',
  name: 'C消费金融',
  relationWords: { 表哥: 'sibling' },
  placement: {
    format: 'xlsx',
    sheet: '分案明细',
    dateFormats: ['YYYYMMDD', 'excel'],
    amountUnit: 'fen',
    columns: {
      caseNo: '借据号', debtorName: '借款人', idNumber: '身份证', mobile: '联系电话', placedAmount: '应催金额(分)', stage: '逾期期数',
      overdueDays: '逾期天数', dueBackAt: '退案日', lastPaymentAt: '最后还款日', product: '产品名称',
    },
    contacts: { cell: '紧急联系人' },
    fileValues: { batchNo: { fromTitleRows: '批次号：(\\S+)' }, placedAt: { fromTitleRows: '分案日：(\\d{4}-\\d{2}-\\d{2})' } },
    valueMaps: { stage: { '0': 'M1' } },
    defaults: { hand: 2 },
  },
  payments: {
    format: 'tsv', encoding: 'gb18030', dateFormats: ['YYYYMMDD'], amountUnit: 'fen',
    columns: { caseNo: '借据号', paidAt: '入账日期', amount: '入账金额', txnRef: '流水号', channel: '渠道' },
  },
  recalls: {
    format: 'delimited', delimiter: '|', dateFormats: ['YYYYMMDD'],
    columns: { caseNo: '借据号', reason: '退回原因' },
    fileValues: { recalledAt: { fromFileName: '退案_(\\d{8})' } },
    valueMaps: { reason: { R01: '委托方收回', R02: '客户投诉' } },
  },
};

const caseNo = (i: number) => `CF${String(i).padStart(8, '0')}`;
const idOf = (i: number) => residentId('440305', `19${70 + i}0${1 + (i % 9)}15`, i);

/** Case 6's amount is a formula's result with a float error; case 9's is negative. */
const amountOf = (i: number) => (i === 9 ? -500 : i === 6 ? 1_000_000.0000000002 + i * 12_345 : 1_000_000 + i * 12_345);
/** Case 10's cell strays from 姓名(关系)电话: no brackets, and a second person without a phone. */
const contactsOf = (i: number) =>
  i === 10 ? '吴十 朋友 137-0000-9999；无名(同事)' : i % 3 === 0 ? '钱多(表哥)13811110000；孙少(同事)0755-88886666' : `周全(配偶)1370000${1000 + i}`;

async function writePlacement(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本文件由C消费金融公司生成']);
  const ws = wb.addWorksheet('分案明细');
  ws.addRow(['C消费金融 委外分案清单']);
  ws.addRow(['批次号：CF2026-12-A03', '', '分案日：2026-12-01']);
  ws.addRow([]);
  ws.addRow(['借据号', '借款人', '身份证', '联系电话', '应催金额（分）', '逾期期数', '逾期天数', '最后还款日', '退案日', '紧急联系人', '产品名称']);
  for (let i = 1; i <= 12; i++) {
    const id = i === 5 ? idOf(i).slice(0, 17) + (idOf(i)[17] === '1' ? '2' : '1') : idOf(i);
    ws.addRow([
      caseNo(i), `赵${'一二三四五六七八九十'[i % 10]}`, id, `+86 139-0000-${1000 + i}`, amountOf(i), i % 8, 30 * (i % 8) + 5,
      46_000 + i, i === 1 ? 20270301 : '20270301', contactsOf(i), '随借随还',
    ]);
  }
  await wb.xlsx.writeFile(file);
}

describe('a third bank’s layout, profiled from the documentation', () => {
  const t = useImportStore(async (env) => {
    addClient(env.db, env.actor, parseProfile(PROFILE, 'bank-c.json'), env.now);
  });

  it('imports its placement, payment and recall files', async () => {
    const placement = join(t.dir, 'C_分案_20261201.xlsx');
    await writePlacement(placement);
    // The preview shows what the whole file gives, and where from, before anything is written.
    const preview = await previewImport(getClient(t.env.db, 'bank-c'), 'placement', placement);
    expect(preview.headerRow).toBe(4);
    expect(preview.fileValues).toEqual([
      { field: 'batchNo', value: 'CF2026-12-A03', from: 'titleRows' },
      { field: 'placedAt', value: '2026-12-01', from: 'titleRows' },
    ]);
    const s = await t.env.run('placement', 'bank-c', placement);
    expect(s).toMatchObject({ rows: 12, accepted: 10, inserted: 10 });
    // The header is on row 4 (three title rows above it): case i is on row 4 + i.
    expect(s.rejected.map(({ row, caseNo: no, field, code }) => ({ row, no, field, code }))).toEqual([
      { row: 9, no: caseNo(5), field: 'idNumber', code: 'checksum' },
      { row: 13, no: caseNo(9), field: 'placedAmount', code: 'negative' },
    ]);
    expect(t.env.db.prepare('SELECT batch_no, placed_at, due_back_at, hand, case_count FROM batches').get()).toEqual({
      batch_no: 'CF2026-12-A03', placed_at: '2026-12-01', due_back_at: '2027-03-01', hand: 2, case_count: 10,
    });
    const row = (i: number) =>
      t.env.db.prepare('SELECT c.stage, c.overdue_days, c.placed_amount_fen, c.last_payment_at, c.product, d.mobile, d.birth_date FROM cases c JOIN debtors d ON d.id = c.debtor_id WHERE case_no = ?').get(caseNo(i));
    expect(row(3)).toEqual({ stage: 'M3', overdue_days: 95, placed_amount_fen: 1_037_035, last_payment_at: '2025-12-12', product: '随借随还', mobile: '13900001003', birth_date: '1973-04-15' });
    expect(row(8)).toMatchObject({ stage: 'M1', overdue_days: 5 });
    expect(row(7)).toMatchObject({ stage: 'M7+' });
    // The batch's due-back date came from the first row's number cell 20270301 (read with YYYYMMDD, above); a
    // formula's 1074070.0000000002 fen is 1074070.
    expect(row(6)).toMatchObject({ placed_amount_fen: 1_074_070 });
    const phones = t.env.db.prepare('SELECT cp.relation, cp.name, cp.phone FROM contact_persons cp JOIN cases c ON c.debtor_id = cp.debtor_id WHERE c.case_no = ? ORDER BY cp.phone');
    expect(phones.all(caseNo(10))).toEqual([
      { relation: 'friend', name: '吴十', phone: '13700009999' },
      { relation: 'self', name: '赵一', phone: '13900001010' },
    ]);
    const contacts = t.env.db.prepare('SELECT cp.relation, cp.name, cp.phone FROM contact_persons cp JOIN cases c ON c.debtor_id = cp.debtor_id WHERE c.case_no = ? ORDER BY cp.phone').all(caseNo(3));
    expect(contacts).toEqual([
      { relation: 'colleague', name: '孙少', phone: '075588886666' },
      { relation: 'sibling', name: '钱多', phone: '13811110000' },
      { relation: 'self', name: '赵四', phone: '13900001003' },
    ]);

    const payments = join(t.dir, 'C_还款_20261206.txt');
    const lines = ['借据号\t入账日期\t入账金额\t流水号\t渠道', `${caseNo(1)}\t20261201\t50000\tCFT1\t线上还款`, `${caseNo(2)}\t20261202\t1024690\tCFT2\t线上还款`, `CF99999999\t20261203\t100\tCFT9\t线上还款`, `${caseNo(1)}\t20261203\t100\tCFT1\t线上还款`];
    writeFileSync(payments, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gb18030'));
    const p = await t.env.run('payments', 'bank-c', payments);
    expect(p).toMatchObject({ rows: 4, inserted: 2 });
    expect(p.rejected.map(({ row, code }) => ({ row, code }))).toEqual([{ row: 4, code: 'unknown_case' }, { row: 5, code: 'duplicate_txn' }]);
    expect(t.env.db.prepare('SELECT case_no, status, balance_fen FROM cases WHERE case_no IN (?, ?) ORDER BY case_no').all(caseNo(1), caseNo(2))).toEqual([
      { case_no: caseNo(1), status: 'new', balance_fen: 1_012_345 - 50_000 },
      { case_no: caseNo(2), status: 'paid', balance_fen: 0 },
    ]);

    const recalls = join(t.dir, 'C_退案_20261210.txt');
    // the bank's reason code in words, through the profile's map
    writeFileSync(recalls, `借据号|退回原因\n${caseNo(12)}|R01\n`);
    const recallPreview = await previewImport(getClient(t.env.db, 'bank-c'), 'recalls', recalls);
    expect(recallPreview.fileValues).toEqual([{ field: 'recalledAt', value: '2026-12-10', from: 'fileName' }]);
    // Each row shows the date its recall takes: the file's.
    expect(recallPreview.rows[0]?.values).toMatchObject({ recalledAt: '2026-12-10', reason: '委托方收回' });
    expect(await t.env.run('recalls', 'bank-c', recalls)).toMatchObject({ rows: 1, inserted: 1 });
    expect(t.env.db.prepare('SELECT c.status, r.recalled_at, r.reason FROM recalls r JOIN cases c ON c.id = r.case_id').get()).toEqual({ status: 'recalled', recalled_at: '2026-12-10', reason: '委托方收回' });
  });

  it('refuses a file whose name gives a date that is no date, naming it, and imports nothing', async () => {
    const placement = join(t.dir, 'C_分案_20261201.xlsx');
    await writePlacement(placement);
    await t.env.run('placement', 'bank-c', placement);
    const recalls = join(t.dir, 'C_退案_20261345.txt');
    writeFileSync(recalls, `借据号|退回原因\n${caseNo(12)}|委托方收回\n`);
    await expect(previewImport(getClient(t.env.db, 'bank-c'), 'recalls', recalls)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/"20261345", which is not a date/) });
    await expect(t.env.run('recalls', 'bank-c', recalls)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/C_退案_20261345\.txt: recalledAt taken from the file name is "20261345", which is not a date/),
    });
    expect(t.env.count('recalls')).toBe(0);
    expect(t.env.db.prepare("SELECT count(*) FROM import_files WHERE kind = 'recalls'").pluck().get()).toBe(0);
  });
});
