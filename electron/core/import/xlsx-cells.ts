import type { Cell } from './cells';
import { LIMITS, LimitExceeded } from './limits';
import { attributes, cellAttributes, childContent, decodeXml, element, elements, itemText, startTag } from './xml-scan';

/** The cells of a worksheet's <row> elements, as the values exceljs gave (see xlsx.ts), and the styles that make a number a date. */

function isDateFormat(code: string | undefined): boolean {
  // Excel's number formats are at most 255 characters.
  if (!code || code.length > 255) return false;
  const f = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(f);
}

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30; 27-36 and 50-58 are the East Asian dates). */
function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** For each cell style (the `s` of a cell), whether its number format is a date or a time. */
export function dateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const a of elements(stylesXml, 'numFmt')) custom.set(Number(a.numFmtId), a.formatCode ?? '');
  const cellXfs = element(stylesXml, 'cellXfs')?.inner ?? '';
  return elements(cellXfs, 'xf').map((a) => {
    const id = Number(a.numFmtId ?? 0);
    return custom.has(id) ? isDateFormat(custom.get(id)) : isBuiltInDateFormat(id);
  });
}

export function columnIndex(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

export interface SheetContext {
  shared: string[];
  dates: boolean[];
  date1904: boolean;
}

/** The content of the first child element named `local`; undefined when there is none. */
function innerOf(xml: string, local: 'v' | 'f' | 'is'): string | undefined {
  if (local === 'v') {
    // The usual form, found without a scan for the element's name.
    const open = xml.indexOf('<v>');
    if (open >= 0) {
      const close = xml.indexOf('</v>', open);
      if (close >= 0) return xml.slice(open + 3, close);
    }
  }
  return childContent(xml, local);
}

/** The row number a <row> element gives (its `r`), from the beginning of its start tag; null when it gives none. */
export function rowNumberOf(head: string): number | null {
  const gt = head.indexOf('>');
  const r = attributes(gt >= 0 ? head.slice(0, gt + 1) : head).r;
  return r !== undefined && /^\d{1,7}$/.test(r) ? Number(r) : null;
}

/** The cells of one <row> element, column A first. A cell past Excel's last column refuses the file (LimitExceeded). */
export function rowCells(xml: string, row: number, ctx: SheetContext): Cell[] {
  const cells: Cell[] = [];
  let col = -1;
  let pos = 0;
  for (;;) {
    const tag = startTag(xml, 'c', pos);
    if (!tag) break;
    const attrs = cellAttributes(xml.slice(tag.start, tag.end));
    col = attrs.r ? columnIndex(attrs.r) : col + 1;
    if (col >= LIMITS.columns) throw new LimitExceeded('columns', `row ${row}`);
    while (cells.length < col) cells.push(null);
    if (tag.selfClosing) {
      cells[col] = null;
      pos = tag.end;
      continue;
    }
    // The cell's content runs to its </c>: the elements inside (<v>, <f>, <is>) are all named otherwise.
    const close = tag.prefix === '' ? '</c>' : `</${tag.prefix}c>`;
    const end = xml.indexOf(close, tag.end);
    const inner = xml.slice(tag.end, end >= 0 ? end : xml.length);
    pos = end >= 0 ? end + close.length : xml.length;
    const s = attrs.s !== undefined && /^\d{1,9}$/.test(attrs.s) ? Number(attrs.s) : 0;
    const value = cellValue(inner, attrs.t, s, ctx);
    cells[col] = value === '' ? null : value;
  }
  // Like exceljs: a row ends with its last cell that holds something.
  let n = cells.length;
  while (n > 0 && cells[n - 1] === null) n--;
  cells.length = n;
  return cells;
}

function cellValue(inner: string, t: string | undefined, style: number, ctx: SheetContext): Cell {
  if (t === 'inlineStr') {
    const is = innerOf(inner, 'is');
    return is === undefined ? null : itemText(is);
  }
  const v = innerOf(inner, 'v');
  if (v === undefined) {
    // A formula without its result: the file was written by a program and never calculated.
    const f = innerOf(inner, 'f');
    return f === undefined ? null : { formula: decodeXml(f) };
  }
  switch (t) {
    case 's':
      return ctx.shared[Number(v)] ?? null;
    case 'str':
      return decodeXml(v);
    case 'b':
      return Number(v) !== 0 ? 'TRUE' : 'FALSE';
    case 'e':
      return null;
    case 'd': {
      const d = new Date(decodeXml(v));
      return Number.isNaN(d.getTime()) ? decodeXml(v) : d;
    }
    default: {
      if (v.trim() === '') return null;
      const n = Number(v);
      if (Number.isNaN(n)) return decodeXml(v);
      return ctx.dates[style] ? excelDate(n, ctx.date1904) : n;
    }
  }
}
