import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { value } from '../../../test/helpers/core';
import { setupWithClients } from '../../../test/helpers/import';
import { shippedProfile } from '../../../test/helpers/fixtures';
import { verifyAudit } from '../audit/verify';
import type { Actor } from '../auth/actor';
import { addClient } from '../clients/clients';
import { exportReturns } from './export-returns';
import { seedReturnsPeriod } from './test-support';

const PERIOD = { from: '2026-11-05', to: '2026-11-07' };
const NOW = '2026-11-08T01:00:00.000Z';

/** The bank-a returns of the seeded period, checked by hand against test-support.ts and the bank-a profile. */
const BANK_A_EXPECTED = [
  '委外机构代码,案件编号,记录类型,记录编号,客户姓名,证件号码,卡号,日期,催收时间,催收方式,联系对象,联系人关系,联系电话,催收结果,承诺金额,承诺还款日,计划类型,计划金额,退案原因,催收员,催收备注',
  'WW0001,A261100000001,催记,bank-a-a0,张*丰,110101199003071234,6225********1234,2026/11/05,2026/11/05 00:00:00,电话,本人,本人,138****5678,B01,,,,,,催收员甲,',
  'WW0001,A261100000001,催记,bank-a-a1,张*丰,110101199003071234,6225********1234,2026/11/05,2026/11/05 09:30:00,电话,本人,本人,138****5678,A01,,,,,,催收员甲,"\'=HYPERLINK(""http://x"")"',
  'WW0001,A261100000002,催记,bank-a-a2,李*,44030119851212567X,,2026/11/05,2026/11/05 14:00:00,电话,联系人,配偶,137****2222,C02,,,,,,催收员甲,"答应转告, 并回电"',
  'WW0001,A261100000002,催记,bank-a-a3,李*,44030119851212567X,,2026/11/06,2026/11/06 20:00:00,电话,未接通,本人,139****1111,D02,,,,,,催收员甲,',
  'WW0001,A261100000001,承诺还款,bank-a-p1,张*丰,110101199003071234,6225********1234,2026/11/05,2026/11/05 09:30:00,,,,,,1000.00,2026/11/10,,,,催收员甲,',
  'WW0001,A261100000002,还款计划,bank-a-pl1,李*,44030119851212567X,,2026/11/06,2026/11/06 11:00:00,,,,,,,,分期,600.00,,催收员甲,',
  'WW0001,A261100000002,退案,bank-a-r1,李*,44030119851212567X,,2026/11/06,,,,,,,,,,,客户投诉,,',
].join('\r\n');

/** Per day: cases worked, activities, activities reaching someone, reaching the debtor, promises, promised, recovered. */
const BANK_A_DAILY = [
  '日期,作业户数,拨打次数,接通次数,本人接通次数,承诺笔数,承诺金额,回款金额',
  '2026/11/05,2,3,3,2,1,1000.00,0.00',
  '2026/11/06,1,1,0,0,0,0.00,500.00',
  '2026/11/07,0,0,0,0,0,0.00,0.00',
  '合计,2,4,3,2,1,1000.00,500.00',
].join('\r\n');

describe('returns export', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  let collector: Actor;
  beforeEach(async () => {
    env = await setupWithClients();
    const u = value(await env.app.dispatch('users.add', { name: 'c1', displayName: '催收员甲', role: 'collector', password: 'password-1' }));
    collector = { id: u.id, role: 'collector', via: 'ui' };
    seedReturnsPeriod(env.db, 'bank-a', u.id);
    seedReturnsPeriod(env.db, 'bank-b', u.id, 'B');
  });
  afterEach(() => {
    vi.useRealTimers();
    env.cleanup();
  });
  const audits = () => env.db.prepare("SELECT details FROM audit_events WHERE action = 'returns.export' ORDER BY seq").all() as { details: string }[];

  it('bank-a: a GBK CSV in its template, equal to the hand-checked file, with its daily report', async () => {
    const r = await exportReturns(env.db, env.actor, { clientCode: 'bank-a', ...PERIOD }, { now: NOW });
    expect(r.fileName).toBe('回盘_bank-a_20261105_20261107.csv');
    expect(r.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(iconv.decode(r.bytes, 'gbk')).toBe(`${BANK_A_EXPECTED}\r\n`);
    expect(r.bytes.equals(iconv.encode(`${BANK_A_EXPECTED}\r\n`, 'gbk'))).toBe(true);
    expect(r.counts).toEqual({ activities: 4, promises: 1, plans: 1, recalls: 1 });
    expect(r.dailyReport?.fileName).toBe('日报_bank-a_20261105_20261107.csv');
    expect(iconv.decode(r.dailyReport!.bytes, 'gbk')).toBe(`${BANK_A_DAILY}\r\n`);
  });

  it('re-exporting the same period gives the same bytes, and marks the recall returned only once', async () => {
    const q = { clientCode: 'bank-a', ...PERIOD };
    const first = await exportReturns(env.db, env.actor, q, { now: NOW });
    expect(first.recallsMarked).toBe(1);
    const returned = env.db.prepare("SELECT returned_at FROM recalls WHERE id = 'bank-a-r1'").get() as { returned_at: string };
    expect(returned.returned_at).toBe(NOW);
    const second = await exportReturns(env.db, env.actor, q, { now: '2026-11-09T01:00:00.000Z' });
    expect(second.sha256).toBe(first.sha256);
    expect(second.dailyReport?.sha256).toBe(first.dailyReport?.sha256);
    expect(second.recallsMarked).toBe(0);
    expect((env.db.prepare("SELECT returned_at FROM recalls WHERE id = 'bank-a-r1'").get() as { returned_at: string }).returned_at).toBe(NOW);
    // bank-b's recall is not touched by bank-a's export
    expect((env.db.prepare("SELECT returned_at FROM recalls WHERE id = 'bank-b-r1'").get() as { returned_at: string | null }).returned_at).toBeNull();
  });

  it('every export is audited with its SHA-256, counts and ids only — no personal data', async () => {
    const r = await exportReturns(env.db, env.actor, { clientCode: 'bank-a', ...PERIOD }, { now: NOW });
    const [row] = audits();
    const details = JSON.parse(row!.details) as Record<string, unknown>;
    expect(details).toMatchObject({ client: 'bank-a', from: PERIOD.from, to: PERIOD.to, sha256: r.sha256, dailySha256: r.dailyReport?.sha256, rows: r.counts, recallsMarked: 1, unmaskedFields: ['idNumber'] });
    for (const personal of ['张三丰', '李四', '110101199003071234', '13812345678', '王五']) expect(row!.details).not.toContain(personal);
    expect(verifyAudit(env.db).intact).toBe(true);
  });

  it('bank-b: an XLSX that opens with exceljs, mapped codes, amounts as numbers, the daily report sheet; same bytes at another clock time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-08T01:00:00Z'));
    const q = { clientCode: 'bank-b', ...PERIOD };
    const first = await exportReturns(env.db, env.actor, q, { now: NOW });
    vi.setSystemTime(new Date('2027-03-01T17:45:33Z'));
    const second = await exportReturns(env.db, env.actor, q, { now: NOW });
    expect(second.sha256).toBe(first.sha256);
    expect(first.fileName).toBe('bank-b_催收回盘_20261105-20261107.xlsx');
    expect(first.dailyReport).toBeNull();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(first.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['催收记录', '日报']);
    const sheet = wb.getWorksheet('催收记录')!;
    const rows = sheet.getSheetValues().slice(1).map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows[0]).toEqual(['合同号', '借款人', '类型', '日期时间', '联系方式', '关系', '电话', '结果', '承诺金额', '承诺还款日', '计划', '计划金额', '期数', '减免金额', '退案日', '催收员工号', '备注']);
    expect(rows.length).toBe(8);
    expect(rows.slice(1, 5).map((r) => r[7])).toEqual(['拒绝还款', '承诺还款', '转告', '无人接听']);
    expect(rows[2]![16]).toBe('\'=HYPERLINK("http://x")');
    expect(rows[5]!.slice(0, 4)).toEqual(['B261100000001', '张*丰', '承诺', '2026-11-05 09:30:00']);
    expect(rows[5]![8]).toBe(1000);
    expect(rows[6]!.slice(10, 14)).toEqual(['分期还款', 600, 2, 0]);
    expect(rows[7]!.slice(0, 3)).toEqual(['B261100000002', '李*', '退案']);
    expect(rows[7]![14]).toBe('2026-11-06');
    expect(sheet.getCell('I6').numFmt).toBe('0.00');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const daily = wb.getWorksheet('日报')!.getSheetValues().slice(1).map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(daily).toEqual([
      ['日期', '作业户数', '联系次数', '有效接通', '本人接通', '承诺笔数', '承诺金额(元)', '回款金额(元)'],
      ['2026-11-05', 2, 3, 3, 2, 1, 1000, 0],
      ['2026-11-06', 1, 1, 0, 0, 0, 0, 500],
      ['2026-11-07', 0, 0, 0, 0, 0, 0, 0],
      ['合计', 2, 4, 3, 2, 1, 1000, 500],
    ]);
    expect(wb.created.toISOString()).toBe('2026-11-07T00:00:00.000Z');
  });

  it('refuses a collector, a client without a returns section and a period that runs backwards', async () => {
    await expect(exportReturns(env.db, collector, { clientCode: 'bank-a', ...PERIOD }, { now: NOW })).rejects.toMatchObject({ code: 'forbidden' });
    const { returns: _none, ...bare } = shippedProfile('bank-a', 'bank-z');
    addClient(env.db, env.actor, bare, NOW);
    await expect(exportReturns(env.db, env.actor, { clientCode: 'bank-z', ...PERIOD }, { now: NOW })).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'client' } });
    await expect(exportReturns(env.db, env.actor, { clientCode: 'bank-a', from: '2026-11-07', to: '2026-11-05' }, { now: NOW })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(exportReturns(env.db, env.actor, { clientCode: 'bank-a', from: '2026-02-30', to: '2026-03-05' }, { now: NOW })).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'from' } });
    expect(audits()).toHaveLength(0);
  });

  it('a delivery that fails leaves no audit row and no recall marked', async () => {
    const fail = () => {
      throw new Error('disk full');
    };
    await expect(exportReturns(env.db, env.actor, { clientCode: 'bank-a', ...PERIOD }, { now: NOW, deliver: fail })).rejects.toThrow('disk full');
    expect(audits()).toHaveLength(0);
    expect((env.db.prepare("SELECT returned_at FROM recalls WHERE id = 'bank-a-r1'").get() as { returned_at: string | null }).returned_at).toBeNull();
  });
});
