// A core-banking file that ends with a total row (合计) and a trailer giving its record count (END|00003). The trailer
// rows are not records; a file whose count differs from its rows, or that lacks a required trailer, was cut off in
// transfer or altered, and is refused whole.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { addClient, getClient, parseProfile } from '../../electron/core/clients/clients';
import { importFile } from '../../electron/core/import/import-file';
import { previewImport } from '../../electron/core/import/preview';
import type { WorkerEntry } from '../../electron/core/import/worker-source';
import { residentId } from '../helpers/bank-files';
import { useImportStore } from '../helpers/import';
import { i18n } from '../../renderer/src/i18n';
import { failureText } from '../../renderer/src/import/intakeText';

const WORKER: WorkerEntry = { url: new URL('../../electron/core/import/placement-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };

const PROFILE = {
  profileVersion: 1,
  code: 'bank-t',
  name: '东岸农商银行',
  placement: {
    format: 'delimited',
    delimiter: '|',
    encoding: 'gb18030',
    headerRow: 1,
    columns: { caseNo: '合同号', debtorName: '客户姓名', idNumber: '证件号码', placedAmount: '委案金额' },
    trailer: [{ startsWith: '合计' }, { contains: '小计' }, { startsWith: 'END', recordCount: { column: 2 }, required: true }],
  },
  payments: {
    format: 'csv',
    columns: { caseNo: '合同号', paidAt: '还款日期', amount: '还款金额', txnRef: '流水号' },
    trailer: [{ startsWith: '总计', recordCount: { column: 'B' } }],
  },
};

const HEADER = '合同号|客户姓名|证件号码|委案金额';
const ROWS = [
  `T001|张三|${residentId('110101', '19800101', 1)}|1000.00`,
  `T002|李四|${residentId('110101', '19810101', 2)}|abc`,
  `T003|王五|${residentId('110101', '19820101', 3)}|2000.00`,
];

describe('trailer rows of a bank file', () => {
  const t = useImportStore(async (env) => {
    addClient(env.db, env.actor, parseProfile(PROFILE, 'bank-t.json'), env.now);
  });
  const write = (name: string, lines: string[]): string => {
    const file = join(t.dir, name);
    writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gb18030'));
    return file;
  };
  const cases = (): number => t.env.count('cases');
  /** The refusal of a placement file, as the screen is given it. */
  const refusal = async (file: string) => {
    const err = (await t.env.run('placement', 'bank-t', file).catch((e: unknown) => e)) as { code: string; message: string; details?: Record<string, unknown> };
    return { code: err.code, message: err.message, details: err.details ?? {} };
  };

  it('are not records: neither imported nor rejected, and the count they give is checked (rejected rows count)', async () => {
    const file = write('WA_20261201.txt', [HEADER, ...ROWS.slice(0, 2), '锦江支行小计||2|1000.00', ROWS[2]!, '高新支行小计||1|2000.00', '合计|3|—|3000.00', 'END|00003']);
    const preview = await previewImport(getClient(t.env.db, 'bank-t'), 'placement', file);
    expect(preview.rows.map((r) => r.caseNo)).toEqual(['T001', 'T002', 'T003']);

    const s = await importFile(t.env.db, { kind: 'placement', clientCode: 'bank-t', file, actor: t.env.actor, now: t.env.now, worker: WORKER });
    expect(s).toMatchObject({ rows: 3, accepted: 2, inserted: 2 });
    expect(s.rejected.map((r) => [r.row, r.code])).toEqual([[3, 'not_a_number']]);
    expect(t.env.db.prepare('SELECT case_no FROM cases ORDER BY case_no').pluck().all()).toEqual(['T001', 'T003']);
  });

  it('refuse a file whose trailer counts other rows than it holds, on the worker and on this thread alike, writing nothing', async () => {
    const file = write('WA_20261202.txt', [HEADER, ...ROWS.slice(0, 2), 'END|00003']);
    for (const worker of [WORKER, undefined]) {
      const run = importFile(t.env.db, { kind: 'placement', clientCode: 'bank-t', file, actor: t.env.actor, now: t.env.now, worker });
      await expect(run).rejects.toMatchObject({
        code: 'unreadable_file',
        message: expect.stringMatching(/WA_20261202\.txt: its trailer row 4 \(beginning "END"\) counts 3 records; the file holds 2.*Nothing was imported/),
        details: { field: 'trailer', row: 4, expected: 3, found: 2 },
      });
    }
    expect(cases()).toBe(0);
    expect(t.env.count('import_files')).toBe(0);
    expect(failureText(i18n.getFixedT('zh-CN'), await refusal(file))).toBe(
      '第 4 行的尾记录写明 3 条记录，文件中实际有 2 条：文件可能在传输中被截断或被改动。请向银行重新索取文件。',
    );
    expect(failureText(i18n.getFixedT('en'), await refusal(file))).toMatch(/^The trailer in row 4 counts 3 records, but the file holds 2: it may have been cut off/);
  });

  it('refuse a file cut off before its required trailer', async () => {
    const file = write('WA_20261203.txt', [HEADER, ...ROWS]);
    await expect(t.env.run('placement', 'bank-t', file)).rejects.toMatchObject({
      code: 'unreadable_file',
      message: expect.stringMatching(/no trailer row beginning "END".*cut off/),
      details: { marker: 'END' },
    });
    expect(cases()).toBe(0);
    expect(failureText(i18n.getFixedT('zh-CN'), await refusal(file))).toMatch(/^文件缺少带“END”标记的尾记录/);
    // the preview says so before anything is tried, also when it shows fewer rows than the file holds
    await expect(previewImport(getClient(t.env.db, 'bank-t'), 'placement', file, { limit: 2 })).rejects.toMatchObject({ code: 'unreadable_file', details: { marker: 'END' } });
  });

  it('refuse a trailer without the count the profile says it gives', async () => {
    const file = write('WA_20261204.txt', [HEADER, ...ROWS, 'END|']);
    await expect(t.env.run('placement', 'bank-t', file)).rejects.toMatchObject({ details: { field: 'trailer', row: 5 } });
    expect(cases()).toBe(0);
    expect(failureText(i18n.getFixedT('en'), await refusal(file))).toMatch(/^The trailer in row 5 gives no record count/);
  });

  it('check a payments file too, reading the count out of words and full-width digits', async () => {
    await t.env.run('placement', 'bank-t', write('WA_20261205.txt', [HEADER, ...ROWS, 'END|3']));
    const pay = (name: string, count: string): string => {
      const file = join(t.dir, name);
      writeFileSync(file, `合同号,还款日期,还款金额,流水号\nT001,2026-12-06,100.00,P1\nT003,2026-12-06,200.00,P2\n总计,${count},300.00,\n`);
      return file;
    };
    expect(await t.env.run('payments', 'bank-t', pay('HK1.csv', '共２笔'))).toMatchObject({ rows: 2, accepted: 2, rejected: [] });
    await expect(t.env.run('payments', 'bank-t', pay('HK2.csv', '3'))).rejects.toMatchObject({ details: { expected: 3, found: 2 } });
  });

  it('must be described with a marker', () => {
    const bad = { ...PROFILE, placement: { ...PROFILE.placement, trailer: [{ recordCount: { column: 2 } }] } };
    expect(() => parseProfile(bad, 'bank-t.json')).toThrow(/placement\.trailer\.0: give one of "startsWith" or "contains"/);
    const both = { ...PROFILE, placement: { ...PROFILE.placement, trailer: [{ startsWith: '合计', contains: '小计' }] } };
    expect(() => parseProfile(both, 'bank-t.json')).toThrow(/placement\.trailer\.0: give one of "startsWith" or "contains"/);
  });
});
