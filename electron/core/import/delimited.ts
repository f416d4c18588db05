/** Whether no quote mark closes the one before `from`: none follows, or only doubled ones ("" inside a field). */
function unclosedFrom(s: string, from: number, n: number): boolean {
  let i = from;
  for (;;) {
    const q = s.indexOf('"', i);
    if (q === -1 || q >= n) return true;
    if (s.charCodeAt(q + 1) !== 34) return false;
    i = q + 2;
  }
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
    this.parse(buf, buf.length, onRecord, true);
  }

  /** The end of the last complete line outside quotes (0 if none), in one pass over the quote marks. */
  private safeEnd(buf: string): number {
    let inQuotes = false;
    let pos = 0;
    let safe = 0;
    for (;;) {
      const q = buf.indexOf('"', pos);
      const spanEnd = q === -1 ? buf.length : q;
      if (!inQuotes && spanEnd > pos) {
        const nl = buf.lastIndexOf('\n', spanEnd - 1);
        if (nl >= pos) safe = nl + 1;
      }
      if (q === -1) return safe;
      inQuotes = !inQuotes;
      pos = q + 1;
    }
  }

  private parse(s: string, n: number, onRecord: (fields: string[]) => void, atEnd = false): void {
    const d = this.delim;
    let i = 0;
    while (i < n) {
      const row: string[] = [];
      for (;;) {
        if (s.charCodeAt(i) === 34 && !(atEnd && unclosedFrom(s, i + 1, n))) {
          let val = '';
          i++;
          for (;;) {
            const q = s.indexOf('"', i);
            if (q === -1 || q >= n) {
              val += s.slice(i, n);
              i = n;
              break;
            }
            val += s.slice(i, q);
            if (s.charCodeAt(q + 1) === 34) {
              val += '"';
              i = q + 2;
            } else {
              i = q + 1;
              break;
            }
          }
          // Text after the closing quote up to the delimiter is kept, as spreadsheet programs do.
          let j = i;
          while (j < n) {
            const c = s.charCodeAt(j);
            if (c === d || c === 10 || c === 13) break;
            j++;
          }
          row.push(j > i ? val + s.slice(i, j) : val);
          i = j;
        } else {
          let j = i;
          while (j < n) {
            const c = s.charCodeAt(j);
            if (c === d || c === 10 || c === 13) break;
            j++;
          }
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
