import { toHalfWidth } from './text';

/** An M-stage followed by the bank's note on it: `M3(91-120天)`, `M3 91-120`, `M7+（180天以上）`, `M2逾期`. */
const STAGE_WITH_NOTE = /^M(\d+)(\+)?(?:[\s(（[【\-—–_:：,，/]|[\u4e00-\u9fff])/;

/**
 * Delinquency stage (账龄): M1…M6, then M7+. Accepts "M3", "m3", "3" (periods overdue), "M7+", "M8" (→ M7+), and an
 * M-stage with a note after it ("M3(91-120天)" → M3). Anything else is kept as the bank wrote it (a value the bank sent
 * is never invented or dropped).
 */
export function normaliseStage(raw: string | null): string | null {
  if (raw === null) return null;
  const t = toHalfWidth(raw).trim().toUpperCase();
  const m = /^M?(\d+)(\+)?$/.exec(t) ?? STAGE_WITH_NOTE.exec(t);
  if (!m) return t === '' ? null : raw.trim();
  const n = Number(m[1]);
  return n >= 7 ? 'M7+' : `M${n}`;
}

/** The stage implied by days overdue, for banks that send days but no stage. */
export function stageFromDays(days: number): string {
  if (days <= 0) return 'M0';
  const n = Math.ceil(days / 30);
  return n >= 7 ? 'M7+' : `M${n}`;
}
