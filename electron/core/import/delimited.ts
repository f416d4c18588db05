/** Where an unquoted field that starts at `i` ends: the next delimiter or line break (or `n`). */
function fieldEnd(s: string, i: number, n: number, d: number): number {
  let j = i;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (c === d || c === 10 || c === 13) break;
    j++;
  }
  return j;
}

/** The quote mark that closes a quoted field whose text starts at `from` (doubled "" are inside it); -1 if none before `n`. */
function closingQuote(s: string, from: number, n: number): number {
  let i = from;
  for (;;) {
    const q = s.indexOf('"', i);
    if (q === -1 || q >= n) return -1;
    if (s.charCodeAt(q + 1) !== 34 || q + 1 >= n) return q;
    i = q + 2;
  }
}

/**
 * Whether the quote at `open` only seems to open a field: what closes it lies on a later line and is followed by
 * neither a delimiter nor a line break. That is a quote typed into a value (`"客户称已还款` in a remark) meeting the
 * next quote of the file — the opening one of a later quoted field (`"1,234.50"`) — and reading it as a quoted field
 * would swallow the lines between into one value. It is read as a plain character instead.
 */
function strayQuote(s: string, open: number, close: number, d: number): boolean {
  const after = s.charCodeAt(close + 1);
  if (after === d || after === 10 || after === 13 || close + 1 >= s.length) return false;
  const nl = s.indexOf('\n', open);
  return nl !== -1 && nl < close;
}

/**
 * An incremental parser for CSV / TSV / delimited text (RFC 4180 quoting: "a, b", doubled "" inside quotes, line
 * breaks inside quotes). Fed decoded text chunk by chunk; emits complete records only. Written for speed on
 * 100k-row bank files: unquoted fields are cut with indexOf-style scans, no per-character string building.
 */
export class DelimitedParser {
  private pending = '';
  private readonly delim: number;

  constructor(delimiter: string) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Parses what can be parsed of `text` (plus what was left over); keeps an incomplete last record. */
  push(text: string, onRecord: (fields: string[]) => void): void {
    const buf = this.pending + text;
    const end = this.safeEnd(buf);
    this.pending = buf.slice(end);
    this.parse(buf, end, onRecord);
  }

  /**
   * Parses the rest at the end of the input. A quote opened and never closed (`"客户称已还款` in a remark) would take
   * every later line into one field: such a quote is read as a plain character instead, so the lines after it stay
   * rows of their own.
   */
  finish(onRecord: (fields: string[]) => void): void {
    const buf = this.pending;
    this.pending = '';
    this.parse(buf, buf.length, onRecord);
  }

  /**
   * The end of the last complete line outside quotes (0 if none), in one pass over the quote marks, read as parse()
   * reads them: a quote opens a field only at its start (elsewhere it is a plain character), and a stray one (see
   * strayQuote) opens nothing. Text it cannot yet tell (a quote not closed in it, or closed at its very end) stays
   * pending.
   */
  private safeEnd(buf: string): number {
    const d = this.delim;
    let pos = 0;
    let safe = 0;
    for (;;) {
      const q = buf.indexOf('"', pos);
      const spanEnd = q === -1 ? buf.length : q;
      if (spanEnd > pos) {
        const nl = buf.lastIndexOf('\n', spanEnd - 1);
        if (nl >= pos) safe = nl + 1;
      }
      if (q === -1) return safe;
      pos = q + 1;
      const prev = q === 0 ? 10 : buf.charCodeAt(q - 1);
      if (prev !== d && prev !== 10 && prev !== 13) continue;
      const close = closingQuote(buf, q + 1, buf.length);
      if (close === -1 || close + 1 >= buf.length) return safe;
      if (!strayQuote(buf, q, close, d)) pos = close + 1;
    }
  }

  private parse(s: string, n: number, onRecord: (fields: string[]) => void): void {
    const d = this.delim;
    let i = 0;
    while (i < n) {
      const row: string[] = [];
      for (;;) {
        // A quote never closed (`"客户称已还款` at the end of a file) is a plain character too: the lines after it stay rows.
        const close = s.charCodeAt(i) === 34 ? closingQuote(s, i + 1, n) : -1;
        if (close !== -1 && !strayQuote(s, i, close, d)) {
          const val = s.slice(i + 1, close).replaceAll('""', '"');
          // Text after the closing quote up to the delimiter is kept, as spreadsheet programs do.
          const j = fieldEnd(s, close + 1, n, d);
          row.push(j > close + 1 ? val + s.slice(close + 1, j) : val);
          i = j;
        } else {
          const j = fieldEnd(s, i, n, d);
          row.push(s.slice(i, j));
          i = j;
        }
        if (i < n && s.charCodeAt(i) === d) {
          i++;
          continue;
        }
        if (s.charCodeAt(i) === 13) i++;
        if (s.charCodeAt(i) === 10) i++;
        break;
      }
      onRecord(row);
    }
  }
}
