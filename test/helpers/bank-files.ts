import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { checkCharacter } from '../../shared/domain/resident-id';

export const BANK_A_HEADER =
  '案件编号,客户姓名,证件类型,证件号码,手机号码,家庭地址,工作单位,卡号,币种,逾期本金,逾期利息,滞纳金,委案金额,逾期天数,账龄,最后还款日,最后还款金额,委案日期,委案到期日,联系人1姓名,联系人1关系,联系人1电话,联系人2姓名,联系人2关系,联系人2电话,联系人3姓名,联系人3关系,联系人3电话,备注';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const RELATIONS = ['配偶', '父亲', '母亲', '兄弟', '姐妹', '同事', '朋友', '其他'];
const AREAS = ['110101', '310104', '440305', '330106', '370102', '500103', '320102', '510104'];

/** A deterministic pseudo-random sequence, so generated files are the same every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function residentId(area: string, birth: string, seq: number): string {
  const first17 = `${area}${birth}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

export interface GeneratedCase {
  caseNo: string;
  name: string;
  idNumber: string;
  mobile: string;
  placedFen: number;
  overdueDays: number;
  stage: string;
}

/** Cases shaped like bank-a's, numbered from `start`; `variant` changes balances and days (a later delivery). */
export function generateCases(n: number, opts: { start?: number; variant?: number; prefix?: string } = {}): GeneratedCase[] {
  const rand = rng(42);
  const out: GeneratedCase[] = [];
  const start = opts.start ?? 1;
  for (let i = 0; i < n; i++) {
    const k = start + i;
    // A birth date and sequence number of its own for every k below 13 million, so no two cases share an ID number
    // (one ID number is one person: the importer rejects it under a second name). The three draws keep the rest of
    // the random stream as it was.
    for (let draw = 0; draw < 3; draw++) rand();
    const n = Math.floor(k / 1000);
    const birth = `${1960 + (n % 40)}${String(1 + (Math.floor(n / 40) % 12)).padStart(2, '0')}${String(1 + (Math.floor(n / 480) % 28)).padStart(2, '0')}`;
    const days = 31 + Math.floor(rand() * 700) + (opts.variant ?? 0) * 30;
    const placedFen = 100_000 + Math.floor(rand() * 20_000_000) - (opts.variant ?? 0) * 10_000;
    out.push({
      caseNo: `${opts.prefix ?? 'G'}${String(k).padStart(10, '0')}`,
      name: (SURNAMES[k % SURNAMES.length] ?? '王') + (GIVEN[(k * 7) % GIVEN.length] ?? '伟') + (GIVEN[(k * 13) % GIVEN.length] ?? ''),
      idNumber: residentId(AREAS[k % AREAS.length] ?? '110101', birth, k),
      mobile: `1${3 + (k % 7)}${String(100_000_000 + ((k * 7919) % 899_999_999)).slice(0, 9)}`,
      placedFen,
      overdueDays: days,
      stage: days > 180 ? 'M7+' : `M${Math.ceil(days / 30)}`,
    });
  }
  return out;
}

const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** The data lines of a bank-a placement CSV for the given cases (no header, no line ends). */
export function bankALines(cases: GeneratedCase[]): string[] {
  return cases.map((c) => {
    const principal = Math.floor(c.placedFen * 0.9);
    const interest = Math.floor(c.placedFen * 0.07);
    const fees = c.placedFen - principal - interest;
    const rel = RELATIONS[c.overdueDays % RELATIONS.length] ?? '其他';
    return [c.caseNo, c.name, '身份证', c.idNumber, c.mobile, '北京市东城区建设路355号15栋642室', '某某贸易有限公司', `622585******${c.caseNo.slice(-4)}`, 'CNY',
      yuan(principal), yuan(interest), yuan(fees), yuan(c.placedFen), c.overdueDays, c.stage, '2026/03/06', '1084.96', '2026/11/01', '2027/01/31',
      '李华', rel, `139${c.mobile.slice(3)}`, '', '', '', '', '', '', ''].join(',');
  });
}

/** A bank-a placement CSV (GBK, CRLF) for the given cases. */
export function writeBankACsv(file: string, cases: GeneratedCase[]): void {
  const lines = [BANK_A_HEADER, ...bankALines(cases)];
  writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk'));
}

/** A bank-b placement workbook (title rows, header on row 3) for the given cases, written as a stream. */
export async function writeBankBXlsx(file: string, cases: GeneratedCase[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet('委外清单');
  ws.addRow(['示例银行B信用卡中心 委外催收案件清单(2026年12月批次)']).commit();
  ws.addRow(['导出时间:2026-12-02 09:30']).commit();
  ws.addRow(['合同号', '借款人', '身份证号', '联系电话', '户籍地址', '产品', '欠款总额', '其中本金', '逾期期数', '分案日', '退案日', '关系人信息', '备注']).commit();
  const placed = new Date(Date.UTC(2026, 11, 3));
  const due = new Date(Date.UTC(2027, 2, 3));
  for (const c of cases) {
    const row = ws.addRow([c.caseNo, c.name, c.idNumber, c.mobile, '杭州市西湖区新华路399号11栋1378室', '消费贷', c.placedFen / 100, Math.floor(c.placedFen * 0.9) / 100,
      Math.min(Math.ceil(c.overdueDays / 30), 9), placed, due, `李华(母亲)139${c.mobile.slice(3)};王伟(朋友)137${c.mobile.slice(3)}`, '']);
    row.getCell(10).numFmt = 'yyyy-mm-dd';
    row.getCell(11).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}
