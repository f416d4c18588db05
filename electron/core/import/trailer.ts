import { basename } from 'node:path';
import { toHalfWidth } from '../../../shared/domain/text';
import { columnIndex, type TrailerRow } from '../../../shared/profile/schema';
import { CoreError } from '../errors';
import { cellText, type SourceRow } from './cells';

/** A marker as compared: half-width, upper-case. */
const markerKey = (text: string): string => toHalfWidth(text).toUpperCase();

/** The first non-empty cell of a row, half-width and upper-case, as a trailer's marker is compared with it. */
function firstCell(cells: SourceRow['cells']): string | null {
  for (const c of cells) {
    const t = cellText(c);
    if (t !== null) return markerKey(t);
  }
  return null;
}

/** How the profile marks a trailer row, as its messages name it: `beginning "END"`, `containing "小计"`. */
function markerOf(rule: TrailerRow): string {
  return rule.startsWith !== undefined ? `beginning "${rule.startsWith}"` : `containing "${rule.contains ?? ''}"`;
}

/** The first number in a cell (`00016`, `16`, `共16笔`, `1,234`): the record count a trailer gives. */
function countIn(cell: SourceRow['cells'][number] | undefined): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 ? cell : null;
  const t = cellText(cell);
  const m = t === null ? null : /\d+/.exec(toHalfWidth(t).replace(/(\d),(?=\d{3})/g, '$1'));
  return m ? Number(m[0]) : null;
}

/**
 * The profile's trailer rows (totals, `END|00016`) of one file: told apart from the records as the rows stream by, and
 * checked at the end — a record count that differs from the rows read, or a required trailer missing, means the file
 * was cut off in transfer or altered, and it is refused whole (CoreError unreadable_file, details.trailer) rather than
 * imported in part. Records are every non-blank row that is not a trailer row, accepted or rejected: the bank counts
 * what it wrote, not what we take.
 */
export class TrailerCheck {
  private records = 0;
  private readonly seen = new Set<TrailerRow>();
  private readonly counts: { rule: TrailerRow; row: number; count: number }[] = [];

  /** each rule with its marker as compared (markerKey), worked out once rather than per row */
  private readonly keyed: readonly { rule: TrailerRow; key: string }[];

  constructor(
    private readonly file: string,
    private readonly rules: readonly TrailerRow[] | undefined,
  ) {
    this.keyed = (rules ?? []).map((rule) => ({ rule, key: markerKey(rule.startsWith ?? rule.contains ?? '') }));
  }

  /** Takes a non-blank row: true for a trailer row, to skip (not a record); any other row is counted as a record. */
  skip(source: SourceRow): boolean {
    const rule = this.rules && this.ruleOf(source.cells);
    if (!rule) {
      this.records++;
      return false;
    }
    this.seen.add(rule);
    if (rule.recordCount) {
      const count = countIn(source.cells[columnIndex(rule.recordCount)]);
      if (count === null) throw this.refused(`its trailer row ${source.row} (${markerOf(rule)}) gives no record count where the profile says it does`, { row: source.row });
      this.counts.push({ rule, row: source.row, count });
    }
    return true;
  }

  /** At the end of the file: refuses it when a required trailer is missing or a record count differs from the rows read. */
  finish(): void {
    for (const rule of this.rules ?? []) {
      if (rule.required && !this.seen.has(rule)) {
        throw this.refused(`it has no trailer row ${markerOf(rule)}, which the bank's files end with: the file may have been cut off`, { marker: rule.startsWith ?? rule.contains });
      }
    }
    for (const c of this.counts) {
      if (c.count !== this.records) {
        throw this.refused(`its trailer row ${c.row} (${markerOf(c.rule)}) counts ${c.count} records; the file holds ${this.records}: it may have been cut off or altered`, {
          row: c.row,
          expected: c.count,
          found: this.records,
        });
      }
    }
  }

  private ruleOf(cells: SourceRow['cells']): TrailerRow | undefined {
    const first = firstCell(cells);
    if (first === null) return undefined;
    return this.keyed.find(({ rule, key }) => (rule.startsWith !== undefined ? first.startsWith(key) : first.includes(key)))?.rule;
  }

  private refused(why: string, details: Record<string, unknown>): CoreError {
    const name = basename(this.file);
    return new CoreError('unreadable_file', `${name}: ${why}. Nothing was imported; ask the bank for the file again.`, { file: name, field: 'trailer', trailer: true, ...details });
  }
}
