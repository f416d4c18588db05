import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import { CoreError } from '../errors';
import type { Cell, SourceRow } from './cells';
import { createDecoder, detectEncoding } from './decode';
import { DelimitedParser } from './delimited';
import type { SectionLayout } from './layout';

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

function excelCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return excelCell(v.result as ExcelJS.CellValue);
    if ('error' in v) return null;
  }
  return String(v);
}

/** Rows of one worksheet, streamed: a 100k-row workbook is never held whole in memory. */
async function* workbookRows(file: string, layout: SectionLayout): AsyncGenerator<SourceRow> {
  // Loaded on first use: exceljs takes ~0.2 s to load, which every CSV import and every other command would pay.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  let index = 0;
  let found = false;
  try {
    for await (const sheet of reader) {
      index++;
      const ws = sheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
      const wanted = layout.sheet === undefined ? index === 1 : typeof layout.sheet === 'number' ? index === layout.sheet : ws.name === layout.sheet;
      if (!wanted) {
        for await (const _ of ws) void _;
        continue;
      }
      found = true;
      for await (const r of ws) {
        const values = r.values as ExcelJS.CellValue[];
        const cells: Cell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(excelCell(values[c]));
        yield { row: r.number, cells };
      }
      break;
    }
  } catch (err) {
    if (err instanceof CoreError) throw err;
    throw unreadable(file, 'is not an Excel workbook (.xlsx) that can be read.', { reason: (err as Error).message });
  }
  if (!found) throw unreadable(file, layout.sheet === undefined ? 'has no worksheet.' : `has no worksheet "${layout.sheet}".`, { field: 'sheet' });
}

/** The rows of a bank file, as its profile section describes it. Empty files are refused here. */
export function readTable(file: string, layout: SectionLayout): AsyncGenerator<SourceRow> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CoreError('not_found', `${file}: no such file.`, { file });
  }
  if (size === 0) throw unreadable(file, 'the file is empty.');
  return layout.format === 'xlsx' ? workbookRows(file, layout) : delimitedRows(file, layout);
}
