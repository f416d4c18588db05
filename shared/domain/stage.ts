import { toHalfWidth } from './text';

/**
 * Delinquency stage (账龄): M1…M6, then M7+. Accepts "M3", "m3", "3" (periods overdue), "M7+", "M8" (→ M7+).
 * Anything else is kept as the bank wrote it (a value the bank sent is never invented or dropped).
 */
export function normaliseStage(raw: string | null): string | null {
  if (raw === null) return null;
  const t = toHalfWidth(raw).trim().toUpperCase();
  const m = /^M?(\d+)(\+)?$/.exec(t);
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
