import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCliInProcess, runCliProcess } from '../../../test/helpers/cli';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { openDatabase } from '../../core/db/open';
import { seedReturnsPeriod } from '../../core/returns/test-support';

const env = { COLLECTDESK_PASSPHRASE: 'correct horse battery staple', COLLECTDESK_PASSWORD: 'admin-password-1' };
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('collectdesk export returns', () => {
  const tmp = makeTempDir();
  const data = join(tmp.dir, 'data');
  const outDir = join(tmp.dir, 'out');
  const period = ['--from', '2026-11-05', '--to', '2026-11-07'];
  beforeAll(async () => {
    expect(runCliProcess(['init', '--data', data, '--admin', 'boss'], env).code).toBe(0);
    for (const p of ['bank-a', 'bank-b']) expect((await runCliInProcess(['client', 'add', '--data', data, '--profile', join(ROOT, 'resources/profiles', `${p}.json`)], env)).code).toBe(0);
    expect((await runCliInProcess(['user', 'add', '--data', data, '--name', 'lead', '--role', 'lead'], env)).code).toBe(0);
    const { db } = await openDatabase({ dataDir: data, secret: { passphrase: env.COLLECTDESK_PASSPHRASE } });
    const admin = db.prepare("SELECT id FROM users WHERE name = 'boss'").get() as { id: string };
    seedReturnsPeriod(db, 'bank-a', admin.id);
    seedReturnsPeriod(db, 'bank-b', admin.id, 'B');
    db.close();
    mkdirSync(outDir);
  });
  afterAll(() => tmp.cleanup());

  it('writes the GBK CSV and its daily report beside it, and prints the JSON of CLI.md', () => {
    const out = join(outDir, 'bank-a.csv');
    const r = runCliProcess(['export', 'returns', '--client', 'bank-a', ...period, '--out', out, '--data', data, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ ok: true, client: 'bank-a', file: out, sha256: sha(out), rows: { activities: 4, promises: 1, plans: 1, recalls: 1 }, recallsMarked: 1 });
    const daily = join(outDir, '日报_bank-a_20261105_20261107.csv');
    expect(r.json.dailyReport).toEqual({ file: daily, sha256: sha(daily) });
    expect(iconv.decode(readFileSync(out), 'gbk').split('\r\n')[2]).toContain(',A01,');
    expect(iconv.decode(readFileSync(daily), 'gbk').split('\r\n')[4]).toBe('合计,2,4,3,2,1,1000.00,500.00');
    expect(readdirSync(outDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('gives the same bytes for the same period, as a lead too', async () => {
    const a = join(outDir, 'again-1.csv');
    const b = join(outDir, 'again-2.csv');
    const first = await runCliInProcess(['export', 'returns', '--client', 'bank-a', ...period, '--out', a, '--data', data, '--json'], env);
    const second = await runCliInProcess(['export', 'returns', '--client', 'bank-a', ...period, '--out', b, '--data', data, '--as', 'lead', '--json'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.json.sha256).toBe(first.json.sha256);
    expect(sha(a)).toBe(sha(b));
    expect(second.json.recallsMarked).toBe(0);
  });

  it('writes bank-b as an XLSX with the daily report sheet, in human words without --json', async () => {
    const out = join(outDir, 'bank-b.xlsx');
    const r = await runCliInProcess(['export', 'returns', '--client', 'bank-b', ...period, '--out', out, '--data', data], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Wrote .*bank-b\.xlsx for bank-b \(2026-11-05 … 2026-11-07\) in [\d.]+ s: 4 activities, 1 promises, 1 plans, 1 recalled cases\./);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['催收记录', '日报']);
  });

  it('refuses an --out in a folder that does not exist, and writes nothing', async () => {
    const out = join(tmp.dir, 'no-such-folder', 'r.csv');
    const r = await runCliInProcess(['export', 'returns', '--client', 'bank-a', ...period, '--out', out, '--data', data, '--json'], env);
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('does not exist') } });
    expect(existsSync(join(tmp.dir, 'no-such-folder'))).toBe(false);
  });

  it('is bad usage (exit 2) without --out or with a malformed date; a collector is refused (exit 1)', async () => {
    expect((await runCliInProcess(['export', 'returns', '--client', 'bank-a', ...period, '--data', data, '--json'], env)).code).toBe(2);
    expect((await runCliInProcess(['export', 'returns', '--client', 'bank-a', '--from', '2026/11/05', '--to', '2026-11-07', '--out', join(outDir, 'x.csv'), '--data', data, '--json'], env)).code).toBe(2);
    expect((await runCliInProcess(['user', 'add', '--data', data, '--name', 'c9', '--role', 'collector'], env)).code).toBe(0);
    const r = await runCliInProcess(['export', 'returns', '--client', 'bank-a', ...period, '--out', join(outDir, 'c9.csv'), '--data', data, '--as', 'c9', '--json'], env);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(existsSync(join(outDir, 'c9.csv'))).toBe(false);
  });
});
