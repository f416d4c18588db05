import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { CoreError } from '../errors';
import type { SourceRow } from './cells';
import { createDecoder, detectEncoding } from './decode';
import { DelimitedParser } from './delimited';
import type { SectionLayout } from './layout';
import { openWorksheet } from './xlsx';

const CHUNK = 1 << 20;

function unreadable(file: string, message: string, details: Record<string, unknown> = {}): CoreError {
  return new CoreError('unreadable_file', `${basename(file)}: ${message}`, { file: basename(file), ...details });
}

/** Rows of a CSV / TSV / delimited text file, decoded and parsed as they stream in. */
async function* delimitedRows(file: string, layout: SectionLayout): AsyncGenerator<SourceRow> {
  const delimiter = layout.format === 'tsv' ? '\t' : layout.format === 'delimited' ? (layout.delimiter ?? ',') : ',';
  const parser = new DelimitedParser(delimiter);
  let decoder: TextDecoder | null = null;
  let row = 0;
  const out: SourceRow[] = [];
  const onRecord = (fields: string[]): void => {
    row++;
    out.push({ row, cells: fields });
  };
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      decoder ??= createDecoder(detectEncoding(chunk, layout.encoding));
      parser.push(decoder.decode(chunk, { stream: true }), onRecord);
      yield* out;
      out.length = 0;
    }
    if (decoder) parser.push(decoder.decode(), onRecord);
  } catch (err) {
    if (err instanceof TypeError) throw unreadable(file, `is not valid ${layout.encoding === 'auto' ? 'UTF-8 or GBK' : layout.encoding} text.`);
    throw err;
  }
  parser.finish(onRecord);
  yield* out;
}

/** The worksheet a workbook's rows come from, and its other sheets: for a message when it is the wrong one. */
export interface SheetsRead {
  read: string;
  others: string[];
}

/** A file's rows; a workbook's say which sheet they are of once the first row has been read. */
export type TableRows = AsyncGenerator<SourceRow> & { sheets?: SheetsRead };

/** Rows of one worksheet, streamed: a 100k-row workbook is never held whole in memory. */
async function* workbookRows(file: string, layout: SectionLayout, onSheet: (sheets: SheetsRead) => void): AsyncGenerator<SourceRow> {
  const notAWorkbook = (err: unknown): CoreError =>
    err instanceof CoreError ? err : unreadable(file, 'is not an Excel workbook (.xlsx) that can be read.', { reason: (err as Error).message });
  let opened: Awaited<ReturnType<typeof openWorksheet>>;
  try {
    opened = await openWorksheet(file, { sheet: layout.sheet });
  } catch (err) {
    throw notAWorkbook(err);
  }
  if ('missing' in opened) {
    const has = opened.missing.length > 0 ? ` It has: ${opened.missing.map((n) => `"${n}"`).join(', ')}.` : '';
    throw unreadable(file, layout.sheet === undefined ? 'has no worksheet.' : `has no worksheet ${typeof layout.sheet === 'number' ? layout.sheet : `"${layout.sheet}"`}.${has}`, {
      field: 'sheet',
      sheets: opened.missing,
    });
  }
  onSheet({ read: opened.sheet, others: opened.others });
  const { rows } = opened;
  try {
    yield* rows;
  } catch (err) {
    throw notAWorkbook(err);
  }
}

/** What a file is, by its first bytes, when it is not what its profile reads: said in words, not as unreadable text. */
type ForeignFormat = 'xls' | 'html' | 'xlsx';

const FOREIGN: Record<ForeignFormat, string> = {
  xls: 'is an Excel 97-2003 workbook (.xls), or a workbook protected by a password: open it in Excel and save it as an Excel Workbook (.xlsx) without a password.',
  html: 'is a web page (HTML) with an Excel name, not a workbook: open it in Excel and save it as an Excel Workbook (.xlsx).',
  xlsx: 'is an Excel workbook, but the profile reads a text file: save it as CSV, or read it with a profile whose format is "xlsx".',
};

function sniff(file: string): ForeignFormat | null {
  const head = Buffer.alloc(512);
  const fd = openSync(file, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (n >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) return 'xls';
  if (n >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  const text = head.toString('latin1', 0, n).replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  return /^<(!doctype html|html|table|\?xml[^>]*>\s*<html)/.test(text) ? 'html' : null;
}

/** A file of another format than its profile reads: refused naming what it is and how to save it. */
function checkFormat(file: string, layout: SectionLayout): void {
  const found = sniff(file);
  const wrong = layout.format === 'xlsx' ? found === 'xls' || found === 'html' : found !== null;
  if (found && wrong) throw unreadable(file, FOREIGN[found], { format: found });
}

/** The rows of a bank file, as its profile section describes it. Empty files are refused here. */
export function readTable(file: string, layout: SectionLayout): TableRows {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CoreError('not_found', `${file}: no such file.`, { file });
  }
  if (size === 0) throw unreadable(file, 'the file is empty.');
  checkFormat(file, layout);
  if (layout.format !== 'xlsx') return delimitedRows(file, layout);
  const rows: TableRows = workbookRows(file, layout, (sheets) => (rows.sheets = sheets));
  return rows;
}
