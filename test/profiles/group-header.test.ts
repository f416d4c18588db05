// A consumer-finance workbook: a merged title, a group row (客户信息 | 贷款信息 | 联系人) above the header, and the
// contact groups under it named alike (联系人1 关系 电话 联系人2 关系 电话) — the debtor's own 电话 among them. Also
// borrowers with passports, and days overdue written with their unit (95天).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { addClient, getClient, parseProfile } from '../../electron/core/clients/clients';
import { previewImport } from '../../electron/core/import/preview';
import { residentId } from '../helpers/bank-files';
import { useImportStore } from '../helpers/import';
import { i18n } from '../../renderer/src/i18n';
import { failureText } from '../../renderer/src/import/intakeText';

const PROFILE = {
  profileVersion: 1,
  code: 'bank-e',
  name: '东方消费金融',
  placement: {
    format: 'xlsx',
    columns: {
      caseNo: '合同号', debtorName: '姓名', idType: '证件类型', idNumber: '证件号码', mobile: '电话', placedAmount: '贷款余额', overdueDays: '逾期天数',
    },
    contacts: {
      columns: [
        { name: '联系人1', relation: '关系', phone: '电话' },
        { name: '联系人2', relation: '关系', phone: '电话' },
        { phone: '单位电话', relationIs: 'self' },
      ],
    },
  },
};

async function writePlacement(file: string, summaryFirst = false): Promise<void> {
  const wb = new ExcelJS.Workbook();
  if (summaryFirst) wb.addWorksheet('汇总').addRows([['分行', '户数', '委案金额'], ['锦江支行', 3, 12800.5]]);
  const ws = wb.addWorksheet('案件明细');
  ws.addRow(['东方消费金融 委外案件清单']);
  ws.mergeCells('A1:L1');
  ws.addRow([]);
  ws.addRow(['客户信息', '', '', '', '', '贷款信息', '', '联系人']);
  ws.addRow(['合同号', '姓名', '证件类型', '证件号码', '电话', '贷款余额', '逾期天数', '联系人1', '关系', '电话', '联系人2', '关系', '电话', '单位电话']);
  ws.addRow(['DF001', '张三', '身份证', residentId('310101', '19800101', 1), '13900000001', 8800.5, '95天', '张建国', '父亲', '021-64001234', '李娜', '配偶', '13900001111', '021-62345678']);
  ws.addRow(['DF002', 'JOHN SMITH', '护照', 'e1234 5678', '13900000002', 3000, 31, '', '', '', 'MARY SMITH', '配偶', '13900002222／13900002223']);
  ws.addRow(['DF003', '王五', '护照', residentId('310101', '19800101', 3), '13900000003/13700000003', 1000, '12天', '王六', '兄弟', '13900003333', '', '', '']);
  await wb.xlsx.writeFile(file);
}

describe('a workbook with a group row above its header, and column names repeated per contact', () => {
  const t = useImportStore(async (env) => {
    addClient(env.db, env.actor, parseProfile(PROFILE, 'bank-e.json'), env.now);
  });

  it('reads each contact group from its own columns (the debtor’s work number as the debtor’s), the passports as written and the days without their unit', async () => {
    const file = join(t.dir, '委外案件清单.xlsx');
    await writePlacement(file);
    const preview = await previewImport(getClient(t.env.db, 'bank-e'), 'placement', file);
    expect(preview.headerRow).toBe(4);

    const s = await t.env.run('placement', 'bank-e', file);
    expect(s).toMatchObject({ rows: 3, accepted: 3, rejected: [] });
    const contacts = (caseNo: string) =>
      t.env.db
        .prepare('SELECT p.relation, p.name, p.phone FROM contact_persons p JOIN cases c ON c.debtor_id = p.debtor_id WHERE c.case_no = ? ORDER BY p.rowid')
        .all(caseNo);
    expect(contacts('DF001')).toEqual([
      { relation: 'self', name: '张三', phone: '13900000001' },
      { relation: 'parent', name: '张建国', phone: '02164001234' },
      { relation: 'spouse', name: '李娜', phone: '13900001111' },
      // the debtor's own work number, not a third party
      { relation: 'self', name: '张三', phone: '02162345678' },
    ]);
    expect(contacts('DF002')).toEqual([
      { relation: 'self', name: 'JOHN SMITH', phone: '13900000002' },
      { relation: 'spouse', name: 'MARY SMITH', phone: '13900002222' },
      { relation: 'spouse', name: 'MARY SMITH', phone: '13900002223' },
    ]);
    // Two numbers in the debtor's mobile cell: the first is the mobile, the second another number of the debtor's own.
    expect(contacts('DF003').filter((c) => (c as { relation: string }).relation === 'self')).toEqual([
      { relation: 'self', name: '王五', phone: '13900000003' },
      { relation: 'self', name: '王五', phone: '13700000003' },
    ]);
    const debtor = (caseNo: string) =>
      t.env.db.prepare('SELECT d.id_type, d.id_number, d.gender, d.birth_date, c.overdue_days FROM debtors d JOIN cases c ON c.debtor_id = d.id WHERE c.case_no = ?').get(caseNo);
    expect(debtor('DF001')).toMatchObject({ id_type: '身份证', gender: 'M', birth_date: '1980-01-01', overdue_days: 95 });
    expect(debtor('DF002')).toEqual({ id_type: '护照', id_number: 'E12345678', gender: null, birth_date: null, overdue_days: 31 });
    // A passport number is not a resident ID, even when it looks like one: nothing is derived from it.
    expect(debtor('DF003')).toMatchObject({ id_type: '护照', gender: null, birth_date: null, overdue_days: 12 });
  });

  it('names the sheets a workbook has when the profile names another, and finds one named with other spacing or width', async () => {
    const file = join(t.dir, '委外案件清单.xlsx');
    await writePlacement(file);
    const withSheet = (sheet: string) => ({ ...PROFILE, code: `bank-e${sheet.length}`, placement: { ...PROFILE.placement, sheet } });
    addClient(t.env.db, t.env.actor, parseProfile(withSheet('委外清单'), 'bank-e.json'), t.env.now);
    await expect(t.env.run('placement', 'bank-e4', file)).rejects.toMatchObject({
      code: 'unreadable_file',
      message: '委外案件清单.xlsx: has no worksheet "委外清单". It has: "案件明细".',
      details: { field: 'sheet', sheets: ['案件明细'] },
    });
    addClient(t.env.db, t.env.actor, parseProfile(withSheet(' 案件明细  '), 'bank-e.json'), t.env.now);
    expect(await t.env.run('placement', 'bank-e7', file)).toMatchObject({ accepted: 3 });
  });

  it('says which sheet it read, and which others the workbook has, when its first sheet is a summary', async () => {
    const file = join(t.dir, '委外案件清单_汇总在前.xlsx');
    await writePlacement(file, true);
    const failure = await t.env.run('placement', 'bank-e', file).catch((e: { message: string; details: Record<string, unknown> }) => e);
    expect(failure).toMatchObject({
      message: expect.stringContaining('That is sheet "汇总"; the workbook also has "案件明细": name the right one in the profile\'s "sheet".'),
      details: { sheet: '汇总', otherSheets: ['案件明细'] },
    });
    expect(failureText(i18n.getFixedT('zh-CN'), { code: 'unreadable_file', message: '', details: (failure as { details: Record<string, unknown> }).details })).toContain(
      '读取的是工作表“汇总”，该工作簿还有：案件明细——委托方配置的 sheet 可能需要指定其中之一。',
    );
  });
});
