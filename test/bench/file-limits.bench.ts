// What real bank files hold against the reader's caps (electron/core/import/limits.ts), and how fast a bomb is refused.
//   (a) a BENCH_ROWS-row (default 300k) bank-a CSV (GBK): its longest record, its widest row
//   (b) the same rows as a bank-b workbook (inline strings, as exceljs writes it): each zip part's inflated size, the
//       longest <row>
//   (c) the same rows as a bank-a workbook with shared strings (as Excel writes it): the shared-string count, each part's
//       inflated size, the longest <row> and <si>
//   (d) the bombs of the unit tests, at full size: time and peak memory to their refusal — declaring their true sizes
//       in the zip's directory (refused before inflating), then lying about them (refused while inflating), and the
//       slowest way to the shared-string cap: a sheet that declares a gigabyte, strings that declare no count
// `npm run bench -- file-limits`; numbers only, never a failing check.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { BANK_A_HEADER, bankALines, generateCases, writeBankBXlsx } from '../helpers/bank-files';
import { shippedProfile } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';
import { LIMITS } from '../../electron/core/import/limits';
import { readTable } from '../../electron/core/import/read-table';
import { ZipReader } from '../../electron/core/import/xlsx-zip';
import { sharedStringsBomb, sheetOf, unclosedRowBomb, unterminatedQuoteCsv, workbookParts, writeZip } from '../helpers/bombs';

const ROWS = Number(process.env.BENCH_ROWS ?? 300_000);
const MB = 1024 * 1024;
const tmp = makeTempDir('cd-bench-limits-');

async function writeBankACsv(file: string, rows: number): Promise<number> {
  const out = createWriteStream(file);
  let longest = 0;
  const write = async (text: string): Promise<void> => {
    if (!out.write(iconv.encode(text, 'gbk'))) await once(out, 'drain');
  };
  await write(`${BANK_A_HEADER}\r\n`);
  for (let start = 1; start <= rows; start += 10_000) {
    const lines = bankALines(generateCases(Math.min(10_000, rows - start + 1), { start }));
    for (const l of lines) longest = Math.max(longest, l.length);
    await write(`${lines.join('\r\n')}\r\n`);
  }
  out.end();
  await once(out, 'finish');
  return longest;
}

/** A bank-a workbook with shared strings, as Excel saves one: every text cell a shared string. */
async function writeSharedStringsXlsx(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(BANK_A_HEADER.split(',')).commit();
  for (let start = 1; start <= rows; start += 10_000) {
    for (const line of bankALines(generateCases(Math.min(10_000, rows - start + 1), { start }))) ws.addRow(line.split(',')).commit();
  }
  ws.commit();
  await wb.commit();
}

/** Each part's inflated size, the longest element of `local` in the sheet and shared strings, the <si> count. */
async function zipStats(file: string): Promise<string[]> {
  const out: string[] = [];
  let total = 0;
  const zip = new ZipReader(file);
  for (const entry of zip.entries.values()) {
    let size = 0;
    let longest = 0;
    let count = 0;
    const local = entry.name.includes('sharedStrings') ? '<si>' : entry.name.includes('worksheets/') ? '<row ' : null;
    let since = 0;
    for await (const chunk of zip.text(entry)) {
      size += Buffer.byteLength(chunk);
      if (!local) continue;
      // The distance between two element starts bounds an element's length.
      let at = chunk.indexOf(local);
      let from = 0;
      while (at >= 0) {
        since += at - from;
        if (count > 0) longest = Math.max(longest, since);
        count++;
        since = 0;
        from = at;
        at = chunk.indexOf(local, at + 1);
      }
      since += chunk.length - from;
    }
    total += size;
    out.push(`    ${entry.name}: ${(size / MB).toFixed(1)} MB inflated${local ? `, ${count} ${local.trim()}>, longest ≤ ${longest} characters` : ''}`);
  }
  out.push(`    all parts: ${(total / MB).toFixed(1)} MB inflated`);
  return out;
}

/** Reads a file with a bank's profile to its refusal (or end): the time, the peak RSS growth and what it said. */
async function refusal(file: string, profile: 'bank-a' | 'bank-b'): Promise<string> {
  const section = shippedProfile(profile).placement;
  if (!section) throw new Error('no placement section');
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t = performance.now();
  let said = 'read to the end';
  try {
    for await (const row of readTable(file, section)) void row;
  } catch (err) {
    said = (err as Error).message;
  } finally {
    clearInterval(sampler);
  }
  return `${((performance.now() - t) / 1000).toFixed(2)} s, RSS +${((peak - before) / MB).toFixed(0)} MB: ${said}`;
}

try {
  console.log(`caps: ${JSON.stringify(LIMITS)}`);
  const csv = join(tmp.dir, 'placement-a.csv');
  const longestRecord = await writeBankACsv(csv, ROWS);
  console.log(`(a) bank-a CSV, ${ROWS} rows: longest record ${longestRecord} characters, 29 fields`);
  const b = join(tmp.dir, 'placement-b.xlsx');
  await writeBankBXlsx(b, generateCases(ROWS, { prefix: 'B' }));
  console.log(`(b) bank-b workbook, ${ROWS} rows, inline strings:`);
  for (const l of await zipStats(b)) console.log(l);
  const c = join(tmp.dir, 'placement-shared.xlsx');
  await writeSharedStringsXlsx(c, ROWS);
  console.log(`(c) bank-a workbook, ${ROWS} rows, shared strings:`);
  for (const l of await zipStats(c)) console.log(l);

  console.log('(d) bombs, to their refusal:');
  const sst = join(tmp.dir, 'sst-bomb.xlsx');
  await sharedStringsBomb(sst, 170_000_000);
  console.log(`    shared strings, 170M <si>, sizes declared: ${await refusal(sst, 'bank-b')}`);
  const SST_LIE = { head: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', piece: '<si><t>x</t></si>', times: 170_000_000, tail: '</sst>' };
  await writeZip(sst, workbookParts(sheetOf([['合同号']]), SST_LIE), { 'xl/sharedStrings.xml': 1000 });
  console.log(`    shared strings, 170M <si>, declared 1 KB: ${await refusal(sst, 'bank-b')}`);
  await writeZip(sst, workbookParts(sheetOf([['合同号']]), SST_LIE), { 'xl/sharedStrings.xml': 1000, 'xl/worksheets/sheet1.xml': 1024 * MB });
  console.log(`    shared strings, 170M <si>, declared 1 KB, sheet declared 1 GiB: ${await refusal(sst, 'bank-b')}`);
  const row = join(tmp.dir, 'row-bomb.xlsx');
  await unclosedRowBomb(row, 2.8 * 1024 * MB);
  console.log(`    one unclosed <row> of 2.8 GiB, sizes declared: ${await refusal(row, 'bank-b')}`);
  const head = sheetOf([['合同号']]).replace('</sheetData></worksheet>', '<row r="2"><c r="A2" t="inlineStr"><is><t>');
  await writeZip(row, workbookParts({ head, piece: 'A'.repeat(1024), times: Math.round(2.8 * 1024 * 1024), tail: '' }), { 'xl/worksheets/sheet1.xml': 1000 });
  console.log(`    one unclosed <row> of 2.8 GiB, declared 1 KB: ${await refusal(row, 'bank-b')}`);
  const quote = join(tmp.dir, 'quote-bomb.csv');
  await unterminatedQuoteCsv(quote, 600 * MB);
  console.log(`    CSV, one unterminated quoted field of 600 MB: ${await refusal(quote, 'bank-a')}`);
} finally {
  tmp.cleanup();
}
