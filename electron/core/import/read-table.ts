import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { CoreError } from '../errors';
import { throwIfCancelled } from './cancel';
import type { SourceRow } from './cells';
import { createDecoder, detectEncoding } from './decode';
import { DelimitedParser } from './delimited';
import type { SectionLayout } from './layout';
import { LIMITS, LimitExceeded } from './limits';
import { openWorksheet } from './xlsx';

const CHUNK = 1 << 20;

function unreadable(file: string, message: string, details: Record<string, unknown> = {}): CoreError {
  return new CoreError('unreadable_file', `${basename(file)}: ${message}`, { file: basename(file), ...details });
}

/** A file past one of the reader's caps, refused whole: details.limit names the cap, details.max its value. */
function tooLarge(file: string, err: LimitExceeded): CoreError {
  return unreadable(file, `${err.message}. Nothing was imported.`, { limit: err.limit, max: err.max, ...(err.where ? { where: err.where } : {}) });
}

/**
 * Rows of a CSV / TSV / delimited text file, decoded and parsed as they stream in. A record past LIMITS.rowChars (an
 * unterminated quote) or LIMITS.columns refuses the file; a cancelled read stops at the next chunk.
 */
async function* delimitedRows(file: string, layout: SectionLayout, signal?: AbortSignal): AsyncGenerator<SourceRow> {
  const delimiter = layout.format === 'tsv' ? '\t' : layout.format === 'delimited' ? (layout.delimiter ?? ',') : ',';
  let row = 0;
  const parser = new DelimitedParser(delimiter, LIMITS.rowChars, () => `row ${row + 1}`);
  let decoder: TextDecoder | null = null;
  const out: SourceRow[] = [];
  const onRecord = (fields: string[]): void => {
    row++;
    out.push({ row, cells: fields });
  };
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      throwIfCancelled(signal);
      decoder ??= createDecoder(detectEncoding(chunk, layout.encoding));
      parser.push(decoder.decode(chunk, { stream: true }), onRecord);
      yield* out;
      out.length = 0;
    }
    if (decoder) parser.push(decoder.decode(), onRecord);
    parser.finish(onRecord);
  } catch (err) {
    if (err instanceof TypeError) throw unreadable(file, `is not valid ${layout.encoding === 'auto' ? 'UTF-8 or GBK' : layout.encoding} text.`);
    if (err instanceof LimitExceeded) throw tooLarge(file, err);
    throw err;
  }
  yield* out;
}

/** The worksheet a workbook's rows come from, and its other sheets: for a message when it is the wrong one. */
export interface SheetsRead {
  read: string;
  others: string[];
}

/** A file's rows; a workbook's say which sheet they are of once the first row has been read. */
export type TableRows = AsyncGenerator<SourceRow> & { sheets?: SheetsRead };

/**
 * Rows of one worksheet, streamed: a 100k-row workbook is never held whole in memory. A workbook past one of the
 * reader's caps (see limits.ts) is refused as soon as the cap is passed; a cancelled read stops at the next chunk.
 */
async function* workbookRows(file: string, layout: SectionLayout, onSheet: (sheets: SheetsRead) => void, signal?: AbortSignal): AsyncGenerator<SourceRow> {
  const notAWorkbook = (err: unknown): CoreError =>
    err instanceof CoreError
      ? err
      : err instanceof LimitExceeded
        ? tooLarge(file, err)
        : unreadable(file, 'is not an Excel workbook (.xlsx) that can be read.', { reason: (err as Error).message });
  let opened: Awaited<ReturnType<typeof openWorksheet>>;
  try {
    opened = await openWorksheet(file, { sheet: layout.sheet }, signal);
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

/**
 * The rows of a bank file, as its profile section describes it. Empty files are refused here; a file past one of the
 * reader's caps (limits.ts) as soon as it passes it. With `signal`, an aborted read throws CoreError cancelled.
 */
export function readTable(file: string, layout: SectionLayout, signal?: AbortSignal): TableRows {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CoreError('not_found', `${file}: no such file.`, { file });
  }
  if (size === 0) throw unreadable(file, 'the file is empty.');
  checkFormat(file, layout);
  if (layout.format !== 'xlsx') return delimitedRows(file, layout, signal);
  const rows: TableRows = workbookRows(file, layout, (sheets) => (rows.sheets = sheets), signal);
  return rows;
}
