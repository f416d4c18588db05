// A branch's workbook as people lay it out in Excel: a two-row header (the single columns merged over both rows, the
// contact group's label over its three columns), and the placement date and stage written once for a group of rows,
// merged down. The remarks cell of one row is merged across two columns. And a workbook written by a program, whose
// formulas were never calculated.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { addClient, getClient, parseProfile } from '../../electron/core/clients/clients';
import { previewImport } from '../../electron/core/import/preview';
import { residentId } from '../helpers/bank-files';
import { useImportStore } from '../helpers/import';
import { i18n } from '../../renderer/src/i18n';

const PROFILE = {
  profileVersion: 1,
  code: 'bank-m',
  name: '示例农商银行',
  placement: {
    format: 'xlsx',
    headerRow: 4,
    columns: {
      caseNo: '借据号', debtorName: '姓名', idNumber: '身份证号', mobile: '手机', placedAmount: '欠款金额', stage: '账龄', placedAt: '委案日期', remarks: '备注',
    },
    contacts: { columns: [{ name: '姓名', relation: '关系', phone: '电话' }] },
  },
};

async function writePlacement(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('委外清单');
  ws.addRow(['示例农商银行 2026年11月委外清单']);
  ws.mergeCells('A1:K1');
  ws.addRow([]);
  ws.addRow(['借据号', '姓名', '身份证号', '手机', '欠款金额', '账龄', '委案日期', '联系人', '', '', '备注']);
  ws.addRow(['', '', '', '', '', '', '', '姓名', '关系', '电话', '']);
  for (const col of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'K']) ws.mergeCells(`${col}3:${col}4`);
  ws.mergeCells('H3:J3');
  const placed = new Date(Date.UTC(2026, 10, 2));
  ws.addRow(['NS001', '张三', residentId('330102', '19800101', 1), '13900000001', 5000, 'M3', placed, '张建国', '父亲', '13900001111', '']);
  ws.addRow(['NS002', '李四', residentId('330102', '19810202', 2), '13900000002', 6000, '', null, '', '', '', '已失联，请外访']);
  ws.addRow(['NS003', '王五', residentId('330102', '19820303', 3), '13900000003', 7000, '', null, '王六', '兄弟', '13900003333', '']);
  ws.addRow(['NS004', '赵六', residentId('330102', '19830404', 4), '13900000004', 8000, 'M4', null, '', '', '', '']);
  ws.mergeCells('F5:F7'); // M3 for the first three cases
  ws.mergeCells('G5:G8'); // one placement date for all four
  ws.mergeCells('K6:L6'); // a remark merged across two columns: one field
  await wb.xlsx.writeFile(file);
}

describe('a workbook as Excel shows it', () => {
  const t = useImportStore(async (env) => {
    addClient(env.db, env.actor, parseProfile(PROFILE, 'bank-m.json'), env.now);
  });

  it('reads a merged cell in every row it covers, as Excel shows it, and a header merged over two rows as one header', async () => {
    const file = join(t.dir, '委外清单.xlsx');
    await writePlacement(file);
    const preview = await previewImport(getClient(t.env.db, 'bank-m'), 'placement', file);
    expect(preview.headerRow).toBe(4);
    expect(preview.rows.map((r) => [r.row, r.problem, r.values.stage])).toEqual([
      [5, null, 'M3'],
      [6, null, 'M3'],
      [7, null, 'M3'],
      [8, null, 'M4'],
    ]);

    const s = await t.env.run('placement', 'bank-m', file);
    expect(s).toMatchObject({ rows: 4, accepted: 4, rejected: [] });
    const cases = t.env.db.prepare('SELECT case_no, stage, remarks FROM cases ORDER BY case_no').all();
    expect(cases).toEqual([
      { case_no: 'NS001', stage: 'M3', remarks: null },
      { case_no: 'NS002', stage: 'M3', remarks: '已失联，请外访' },
      { case_no: 'NS003', stage: 'M3', remarks: null },
      { case_no: 'NS004', stage: 'M4', remarks: null },
    ]);
    // The placement date merged over the group is the batch's for every case.
    expect(t.env.db.prepare('SELECT placed_at FROM batches').all()).toEqual([{ placed_at: '2026-11-02' }]);
    const contacts = t.env.db
      .prepare("SELECT c.case_no, p.name, p.relation FROM contact_persons p JOIN cases c ON c.debtor_id = p.debtor_id WHERE p.relation <> 'self' ORDER BY c.case_no")
      .all();
    expect(contacts).toEqual([
      { case_no: 'NS001', name: '张建国', relation: 'parent' },
      { case_no: 'NS003', name: '王六', relation: 'sibling' },
    ]);
  });

  it('finds a header of two rows by itself (headerRow auto): its lower row, and the first data row after it is read', async () => {
    addClient(t.env.db, t.env.actor, parseProfile({ ...PROFILE, code: 'bank-m2', placement: { ...PROFILE.placement, headerRow: 'auto' } }, 'bank-m2.json'), t.env.now);
    const file = join(t.dir, '委外清单.xlsx');
    await writePlacement(file);
    const preview = await previewImport(getClient(t.env.db, 'bank-m2'), 'placement', file);
    expect(preview.headerRow).toBe(4);
    expect(preview.rows.map((r) => [r.row, r.problem])).toEqual([[5, null], [6, null], [7, null], [8, null]]);
    expect(await t.env.run('placement', 'bank-m2', file)).toMatchObject({ rows: 4, accepted: 4, rejected: [] });
  });

  it('rejects a row whose mapped cell is a formula the file holds no result for, naming the formula; a saved result is read', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('委外清单');
    ws.addRow(['示例农商银行 委外清单（系统导出）']);
    ws.addRow([]);
    ws.addRow([]);
    ws.addRow(['借据号', '姓名', '身份证号', '手机', '欠款金额', '账龄', '委案日期', '姓名', '关系', '电话', '备注', '本金', '利息', '核对']);
    const row = (n: number, amount: ExcelJS.CellValue, check: ExcelJS.CellValue) =>
      ws.addRow([`NS00${n}`, `客户${n}`, residentId('330102', '19800101', n), `1390000000${n}`, amount, 'M3', new Date(Date.UTC(2026, 10, 2)), '', '', '', '', 4000, 1000, check]);
    row(1, { formula: 'L5+M5', result: 5000 }, { formula: 'E5-L5-M5' }); // saved by Excel; an unmapped column's formula without a result
    row(2, { formula: 'L6+M6' }, null); // written by a program: no result
    await wb.xlsx.writeFile(join(t.dir, '程序导出.xlsx'));

    const file = join(t.dir, '程序导出.xlsx');
    const preview = await previewImport(getClient(t.env.db, 'bank-m'), 'placement', file);
    expect(preview.rows.map((r) => [r.row, r.problem?.code ?? null, r.values.placedAmount ?? null])).toEqual([
      [5, null, '5,000.00'],
      [6, 'unsaved_formula', null],
    ]);
    const s = await t.env.run('placement', 'bank-m', file);
    expect(s).toMatchObject({ rows: 2, accepted: 1 });
    expect(s.rejected).toEqual([
      {
        row: 6,
        caseNo: 'NS002',
        field: 'placedAmount',
        code: 'unsaved_formula',
        message: 'Row 6: placedAmount is a formula whose result was not saved with the file: open and save the file in Excel, or paste the values: =L6+M6.',
      },
    ]);
    expect(i18n.getFixedT('zh-CN')('intake.reason.unsaved_formula')).toContain('没有保存它的计算结果');
  });
});
