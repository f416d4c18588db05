import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { BANK_A_HEADER, bankALines, generateCases } from '../../../test/helpers/bank-files';
import { shippedProfile } from '../../../test/helpers/fixtures';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { isBlankRow, type SourceRow } from './cells';
import { requiredColumns, resolveColumns } from './columns';
import { readHeader } from './header';
import { readTable } from './read-table';
import { RowReader } from './row-reader';

const TARGET_BYTES = 200 * 1024 * 1024;
const MB = 1024 * 1024;

/**
 * Writes a bank-a placement CSV (GBK, CRLF) of at least `bytes`, batch by batch: the file is never held in memory.
 * Case numbers run on from batch to batch, so every row is distinct.
 */
async function writeLargeBankA(file: string, bytes: number): Promise<{ rows: number; bytes: number }> {
  const out = createWriteStream(file);
  let written = 0;
  let rows = 0;
  const write = async (text: string): Promise<void> => {
    const buf = iconv.encode(text, 'gbk');
    written += buf.length;
    if (!out.write(buf)) await once(out, 'drain');
  };
  await write(`${BANK_A_HEADER}\r\n`);
  const batch = 5000;
  while (written < bytes) {
    const lines = bankALines(generateCases(batch, { start: rows + 1 }));
    await write(`${lines.join('\r\n')}\r\n`);
    rows += batch;
  }
  out.end();
  await once(out, 'finish');
  return { rows, bytes: written };
}

/**
 * A 200 MB bank file (the "bad input at every boundary") is streamed, never loaded whole: the reader decodes
 * and parses it chunk by chunk (read-table), the header is found (header), and each row's fields are read through
 * the profile's columns (row-reader) — the import's whole reading path — while the process's resident memory is
 * sampled. A full import of this file (~800k cases into an encrypted store) takes minutes on this kind of machine,
 * too slow for the unit suite; the import's write path is measured by `npm run bench -- import`.
 */
describe('a 200 MB placement file', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let file: string;
  let written: { rows: number; bytes: number };

  beforeAll(async () => {
    tmp = makeTempDir();
    file = join(tmp.dir, 'placement-200mb.csv');
    written = await writeLargeBankA(file, TARGET_BYTES);
  }, 120_000);
  afterAll(() => tmp?.cleanup());

  it('is read as a stream: every row arrives, and memory grows by far less than the file', async () => {
    expect(statSync(file).size).toBe(written.bytes);
    expect(written.bytes).toBeGreaterThanOrEqual(TARGET_BYTES);
    const section = shippedProfile('bank-a').placement;
    if (!section) throw new Error('bank-a has a placement section');

    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = (): void => {
      peak = Math.max(peak, process.memoryUsage().rss);
    };
    const sampler = setInterval(sample, 20);
    let rows = 0;
    let placedFen = 0;
    let lastCaseNo = '';
    try {
      const table = readTable(file, section);
      const header = await readHeader(file, table, section.headerRow, requiredColumns('placement', section));
      expect(header.row).toBe(1);
      const columns = resolveColumns(header.index, section);
      const rest: AsyncIterable<SourceRow> = { [Symbol.asyncIterator]: () => table };
      for await (const { row, cells } of rest) {
        if (isBlankRow(cells)) continue;
        const reader = new RowReader(cells, columns, section.dateFormats, section.amountUnit);
        lastCaseNo = reader.required('caseNo');
        placedFen += reader.amount('placedAmount', true) ?? 0;
        rows++;
        expect(row).toBe(rows + 1);
        if (rows % 20_000 === 0) sample();
      }
    } finally {
      clearInterval(sampler);
    }
    sample();

    expect(rows).toBe(written.rows);
    expect(lastCaseNo).toBe(`G${String(written.rows).padStart(10, '0')}`);
    expect(placedFen).toBeGreaterThan(0);
    // Loaded whole, the file alone would take 200 MB, and its decoded text twice that.
    const growth = peak - before;
    expect(growth, `RSS grew by ${Math.round(growth / MB)} MB while reading ${Math.round(written.bytes / MB)} MB`).toBeLessThan(150 * MB);
  }, 120_000);
});
