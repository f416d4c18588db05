import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { fileURLToPath } from 'node:url';
import { CLI_ARGS, NODE, runCliProcess } from '../helpers/cli';
import { generateCases, writeBankACsv } from '../helpers/bank-files';
import { fixture } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const env = { COLLECTDESK_PASSPHRASE: 'correct horse battery staple', COLLECTDESK_PASSWORD: 'admin-password-1' };

describe('collectdesk import … --json', () => {
  const tmp = makeTempDir();
  const data = join(tmp.dir, 'data');
  beforeAll(() => {
    expect(runCliProcess(['init', '--data', data, '--admin', 'boss'], env).code).toBe(0);
    for (const p of ['bank-a', 'bank-b']) expect(runCliProcess(['client', 'add', '--data', data, '--profile', join(ROOT, 'resources/profiles', `${p}.json`)], env).code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('previews a file as the import would take it, writing nothing', () => {
    const r = runCliProcess(['preview', 'placement', '--client', 'bank-a', fixture('bad', 'mixed-rows.csv'), '--rows', '24', '--data', data, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ ok: true, file: 'mixed-rows.csv', kind: 'placement', headerRow: 1 });
    const rows = r.json.rows as { row: number; problem: { code: string } | null }[];
    expect(rows).toHaveLength(24);
    expect(rows.filter((x) => x.problem).map((x) => [x.row, x.problem?.code])).toEqual([
      [16, 'checksum'], [17, 'negative'], [18, 'missing'], [19, 'duplicate_in_file'], [20, 'invalid_date'], [21, 'not_a_number'],
    ]);
    expect(r.json.rows).toContainEqual(expect.objectContaining({ row: 2, outcome: 'inserted' }));
    expect(r.json.batch).toEqual({ batchNo: null, placedAt: '2026-11-01', dueBackAt: '2027-01-31', hand: null, defaultHand: 1 });
    expect(runCliProcess(['batch', 'list', '--data', data, '--json'], env).json).toEqual({ ok: true, batches: [] });
  });

  it('names in the preview each mapped column the file lacks, a contact group’s too (a header the bank renamed)', () => {
    const renamed = join(tmp.dir, 'renamed.csv');
    const text = iconv.decode(readFileSync(fixture('bank-a', 'placement-2026-11.csv')), 'gbk').replace('联系人2电话', '联系人2手机').replace('滞纳金', '滞纳金额');
    writeFileSync(renamed, iconv.encode(text, 'gbk'));
    const r = runCliProcess(['preview', 'placement', '--client', 'bank-a', renamed, '--rows', '1', '--data', data], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('renamed.csv: header on row 1; 28 of 30 mapped columns found.');
    expect(r.stdout).toContain('  not in this file: fees (滞纳金)\n  not in this file: contact 2 phone (联系人2电话)\n');
  });

  it('prints the summary of CLI.md for a placement file', () => {
    const r = runCliProcess(['import', 'placement', '--client', 'bank-a', fixture('bad', 'mixed-rows.csv'), '--data', data, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(r.json).sort()).toEqual(['accepted', 'batchId', 'client', 'file', 'importId', 'inserted', 'kind', 'ok', 'rejected', 'rows', 'sha256', 'unchanged', 'updated'].sort());
    expect(r.json).toMatchObject({ ok: true, kind: 'placement', client: 'bank-a', file: 'mixed-rows.csv', rows: 24, accepted: 18, inserted: 18, updated: 0, unchanged: 0 });
    expect(r.json.rejected).toContainEqual({ row: 17, caseNo: 'MIXBAD00000102', field: 'placedAmount', code: 'negative', message: expect.any(String) });
  });

  it('rejects a row with a field past 32,767 characters (too_long), stores none of it and repeats none of it', () => {
    // A 10 MB remark, and a 30 MB case number: each row is rejected, its value neither stored nor quoted whole.
    const [header, first, second] = iconv.decode(readFileSync(fixture('bank-a', 'placement-2026-11.csv')), 'gbk').split(/\r?\n/);
    const remark = first!.split(',');
    remark[0] = 'LONG0001';
    remark[remark.length - 1] = '客户称'.repeat(3_500_000);
    const caseNo = second!.split(',');
    caseNo[0] = 'C'.repeat(30_000_000);
    const file = join(tmp.dir, 'long-fields.csv');
    writeFileSync(file, iconv.encode([header, remark.join(','), caseNo.join(','), ''].join('\r\n'), 'gbk'));
    const r = runCliProcess(['import', 'placement', '--client', 'bank-a', file, '--data', data, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ ok: true, rows: 2, accepted: 0 });
    expect(r.json.rejected).toEqual([
      { row: 2, caseNo: 'LONG0001', field: 'remarks', code: 'too_long', message: 'Row 2: remarks is longer than 32,767 characters, the most a cell of Excel holds: 10,500,000 characters.' },
      { row: 3, caseNo: `${'C'.repeat(50)}…`, field: 'caseNo', code: 'too_long', message: 'Row 3: caseNo is longer than 32,767 characters, the most a cell of Excel holds: 30,000,000 characters.' },
    ]);
    expect(r.stdout.length).toBeLessThan(2000);
  });

  it('refuses a bad file whole with exit 1 and the error', () => {
    const r = runCliProcess(['import', 'placement', '--client', 'bank-b', fixture('bad', 'not-a-workbook.xlsx'), '--data', data, '--json'], env);
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'unreadable_file', message: expect.stringContaining('not-a-workbook.xlsx') } });
  });

  it('takes the batch number and hand from the flags when the file has none', () => {
    const r = runCliProcess(['import', 'placement', '--client', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'), '--batch-no', 'A-2611', '--hand', '2', '--data', data, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ inserted: 200 });
    const batches = runCliProcess(['batch', 'list', '--client', 'bank-a', '--data', data, '--json'], env).json.batches as Record<string, unknown>[];
    expect(batches[0]).toMatchObject({ batchNo: 'A-2611', hand: 2, caseCount: 200, fileName: 'placement-2026-11.csv', dueBackAt: '2027-01-31' });
  });

  it('previews a file imported before as such, dated on the bank’s calendar', () => {
    const r = runCliProcess(['preview', 'placement', '--client', 'bank-a', fixture('bank-a', 'placement-2026-11.csv'), '--rows', '1', '--data', data], env);
    expect(r.code, r.stderr).toBe(0);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(r.stdout).toContain(`ALREADY IMPORTED on ${day}: importing this file again will be refused.`);
    // The batch as the file gives it (the flags are the import's, not the preview's); the file's rows are all held now.
    expect(r.stdout).toContain("batch: (no batch number: --batch-no gives one), hand 1 (the profile's, unless --hand gives another), 2026-11-01 → 2027-01-31");
    expect(r.stdout).toMatch(/row 2 A261100000001: NO CHANGE: debtorName=/);
  });
});

describe('an import killed mid-way', () => {
  const tmp = makeTempDir();
  const data = join(tmp.dir, 'data');
  const big = join(tmp.dir, 'big.csv');
  beforeAll(() => {
    writeBankACsv(big, generateCases(60_000));
    expect(runCliProcess(['init', '--data', data, '--admin', 'boss'], env).code).toBe(0);
    expect(runCliProcess(['client', 'add', '--data', data, '--profile', join(ROOT, 'resources/profiles/bank-a.json')], env).code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('leaves the database as it was, and the same file imports whole afterwards', async () => {
    const child = spawn(NODE, [...CLI_ARGS, 'import', 'placement', '--client', 'bank-a', big, '--data', data], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    // Kill it as soon as it reports progress: it is then inside its transaction, rows written but not committed.
    const killedAt = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /(\d+) rows…/.exec(err);
        if (m) {
          child.kill('SIGKILL');
          resolve(m[1] ?? '');
        }
      });
      child.on('exit', (code) => reject(new Error(`the import ended (${code}) before it could be killed: ${err}`)));
    });
    expect(Number(killedAt)).toBeGreaterThan(0);
    await new Promise((r) => child.once('close', r));

    const verify = runCliProcess(['audit', 'verify', '--data', data, '--json'], env);
    expect(verify.json).toMatchObject({ ok: true, intact: true });
    const again = runCliProcess(['import', 'placement', '--client', 'bank-a', big, '--data', data, '--json'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json).toMatchObject({ rows: 60_000, inserted: 60_000, updated: 0, unchanged: 0, rejected: [] });
  });
});
