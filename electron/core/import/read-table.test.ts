import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { BANK_A_HEADER } from '../../../test/helpers/bank-files';
import { sharedStringsBomb, sheetOf, unclosedRowBomb, unterminatedQuoteCsv, workbookParts, writeZip } from '../../../test/helpers/bombs';
import { shippedProfile } from '../../../test/helpers/fixtures';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import type { SourceRow } from './cells';
import { LIMITS } from './limits';
import { readTable } from './read-table';

const MB = 1024 * 1024;
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * Reads a file with a shipped profile to its end or its refusal, sampling the resident memory meanwhile: the rows
 * read, the error thrown (null when none) and how much the memory grew at its peak.
 */
async function readAll(file: string, profile: 'bank-a' | 'bank-b'): Promise<{ rows: SourceRow[]; error: { code?: string; message: string; details?: Record<string, unknown> } | null; growth: number }> {
  const section = shippedProfile(profile).placement;
  if (!section) throw new Error('the profile has a placement section');
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const rows: SourceRow[] = [];
  let error = null;
  try {
    for await (const r of readTable(file, section)) rows.push(r);
  } catch (err) {
    error = err as { code?: string; message: string; details?: Record<string, unknown> };
  } finally {
    clearInterval(sampler);
  }
  return { rows, error, growth: Math.max(peak, process.memoryUsage().rss) - before };
}

describe('a bank file built to exhaust the computer is refused as soon as it passes a cap, naming the file and the cap', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(() => (tmp = makeTempDir()));
  afterAll(() => tmp.cleanup());

  it('a workbook whose shared strings inflate to millions of items, for a sheet of one cell', async () => {
    const file = join(tmp.dir, 'strings.xlsx');
    await sharedStringsBomb(file, 3_000_000);
    const r = await readAll(file, 'bank-b');
    expect(r.error).toMatchObject({
      code: 'unreadable_file',
      message: expect.stringMatching(/^strings\.xlsx: it holds more distinct texts \(shared strings\) than its sheets have cells.*Nothing was imported\.$/),
      details: { file: 'strings.xlsx', limit: 'sharedStrings' },
    });
    expect(r.growth).toBeLessThan(100 * MB);
  });

  it('a workbook that declares more shared strings than any bank file holds, before they are read', async () => {
    const file = join(tmp.dir, 'declared.xlsx');
    const shared = `<sst xmlns="${NS}" uniqueCount="${LIMITS.sharedStrings + 1}"><si><t>合同号</t></si></sst>`;
    // A sheet that declares a gigabyte, so that its size does not bound the strings.
    await writeZip(file, workbookParts(sheetOf([['合同号']]), shared), { 'xl/worksheets/sheet1.xml': 1024 * MB });
    const r = await readAll(file, 'bank-b');
    expect(r.error).toMatchObject({ code: 'unreadable_file', details: { limit: 'sharedStrings', max: LIMITS.sharedStrings } });
    expect(r.error?.message).toContain(`than ${LIMITS.sharedStrings.toLocaleString('en-US')}`);
  });

  it('a sheet whose second row never closes: 200 MB of one cell', async () => {
    const file = join(tmp.dir, 'row.xlsx');
    await unclosedRowBomb(file, 200 * MB);
    const r = await readAll(file, 'bank-b');
    expect(r.error).toMatchObject({
      code: 'unreadable_file',
      message: `row.xlsx: row 2 is longer than ${LIMITS.rowChars.toLocaleString('en-US')} characters, far more than a bank file holds: the file may be damaged or built to exhaust the computer. Nothing was imported.`,
      details: { file: 'row.xlsx', limit: 'rowChars', max: LIMITS.rowChars, where: 'row 2' },
    });
    expect(r.growth).toBeLessThan(300 * MB);
  });

  it('a row that never closes in a sheet whose zip declares it small', async () => {
    const file = join(tmp.dir, 'lying.xlsx');
    const head = sheetOf([['合同号']]).replace('</sheetData></worksheet>', '<row r="2"><c r="A2" t="inlineStr"><is><t>');
    await writeZip(file, workbookParts({ head, piece: 'A'.repeat(1024), times: 200 * 1024, tail: '' }), { 'xl/worksheets/sheet1.xml': 1000 });
    const r = await readAll(file, 'bank-b');
    expect(r.error).toMatchObject({ code: 'unreadable_file', details: { limit: 'rowChars', where: 'row 2' } });
  });

  it('a part whose zip declares more than a part may inflate to, before it is inflated', async () => {
    const file = join(tmp.dir, 'big-part.xlsx');
    await writeZip(file, workbookParts(sheetOf([['合同号']])), { 'xl/sharedStrings.xml': LIMITS.partBytes + 1 });
    const r = await readAll(file, 'bank-b');
    expect(r.error).toMatchObject({ code: 'unreadable_file', details: { limit: 'partBytes', where: 'its part xl/sharedStrings.xml' } });
    expect(r.error?.message).toMatch(/^big-part\.xlsx: its part xl\/sharedStrings\.xml unpacks to more than 2,147,483,648 bytes/);
  });

  it('a CSV whose quote never closes, then hundreds of megabytes, read as a stream', async () => {
    const file = join(tmp.dir, 'quote.csv');
    await unterminatedQuoteCsv(file, 300 * MB);
    const r = await readAll(file, 'bank-a');
    expect(r.rows.map((x) => x.row)).toEqual([1]);
    expect(r.error).toMatchObject({
      code: 'unreadable_file',
      message: expect.stringMatching(/^quote\.csv: row 2 is longer than 67,108,864 characters/),
      details: { file: 'quote.csv', limit: 'rowChars', where: 'row 2' },
    });
    expect(r.growth).toBeLessThan(300 * MB);
  });

  it('a CSV line of more fields than Excel has columns', async () => {
    const file = join(tmp.dir, 'wide.csv');
    writeFileSync(file, iconv.encode(`${BANK_A_HEADER}\r\n${'x,'.repeat(LIMITS.columns + 10)}\r\n`, 'gbk'));
    const r = await readAll(file, 'bank-a');
    expect(r.error).toMatchObject({ code: 'unreadable_file', details: { limit: 'columns', where: 'row 2' } });
  });

  it('a workbook cell past Excel’s last column (XFD)', async () => {
    const file = join(tmp.dir, 'far.xlsx');
    const sheet = sheetOf([['合同号']]).replace('</sheetData>', '<row r="2"><c r="ZZZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>');
    await writeZip(file, workbookParts(sheet));
    const r = await readAll(file, 'bank-b');
    expect(r.error).toMatchObject({ code: 'unreadable_file', details: { limit: 'columns', where: 'row 2' } });
  });

  it('a sheet whose merged ranges would fill more cells than a bank file has', async () => {
    const file = join(tmp.dir, 'merged.xlsx');
    const merges = '<mergeCells count="3"><mergeCell ref="A1:A9000000"/><mergeCell ref="B1:B9000000"/><mergeCell ref="C1:C9000000"/></mergeCells>';
    await writeZip(file, workbookParts(sheetOf([['合同号']]).replace('</worksheet>', `${merges}</worksheet>`)));
    const r = await readAll(file, 'bank-b');
    expect(r.error).toMatchObject({ code: 'unreadable_file', details: { limit: 'mergedCells' } });
  });
});

describe('a workbook’s XML is read in one pass, whatever it holds', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(() => (tmp = makeTempDir()));
  afterAll(() => tmp.cleanup());

  it('a cell of a million value tags that never close is read (as empty), not searched again from each', async () => {
    const file = join(tmp.dir, 'tags.xlsx');
    const sheet = sheetOf([['合同号', '借款人']]).replace('</sheetData>', `<row r="2"><c r="A2" t="inlineStr"><is><t>A1</t></is></c><c r="B2">${'<v>'.repeat(1_000_000)}</c></row></sheetData>`);
    await writeZip(file, workbookParts(sheet));
    const r = await readAll(file, 'bank-b');
    expect(r.error).toBeNull();
    expect(r.rows).toEqual([{ row: 1, cells: ['合同号', '借款人'] }, { row: 2, cells: ['A1'] }]);
  });

  it('a workbook part of a million sheet tags that never close names no sheet', async () => {
    const file = join(tmp.dir, 'sheets.xlsx');
    const parts = workbookParts(sheetOf([['合同号']]));
    parts['xl/workbook.xml'] = `<workbook xmlns="${NS}"><sheets>${'<sheet name="x" '.repeat(1_000_000)}`;
    await writeZip(file, parts);
    const r = await readAll(file, 'bank-b');
    expect(r.error).toMatchObject({ code: 'unreadable_file', message: 'sheets.xlsx: has no worksheet "委外清单".' });
  });

  it('reads a generated workbook as Excel shows it: shared strings, rich text, entities, a prefixed namespace', async () => {
    const file = join(tmp.dir, 'plain.xlsx');
    const shared = `<sst xmlns="${NS}" count="3" uniqueCount="3"><si><t>合同号</t></si><si><r><t>张</t></r><r><t xml:space="preserve">三 </t></r><rPh><t>ZHANG</t></rPh></si><si><t>A&amp;B</t></si></sst>`;
    const sheet = `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row><x:row r="3"><x:c r="B3" t="s"><x:v>1</x:v></x:c><x:c r="C3" t='s'><x:v>2</x:v></x:c><x:c r="D3"><x:v>12.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    await writeZip(file, workbookParts(sheet, shared));
    const r = await readAll(file, 'bank-b');
    expect(r.error).toBeNull();
    expect(r.rows).toEqual([{ row: 1, cells: ['合同号'] }, { row: 3, cells: [null, '张三 ', 'A&B', 12.5] }]);
  });
});
