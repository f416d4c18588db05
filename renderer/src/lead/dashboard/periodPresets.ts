/** The dashboard's period presets: a calendar month, this one (to today) or the one before (whole). */
export type PeriodPreset = 'thisMonth' | 'lastMonth';
export const PERIOD_PRESETS: PeriodPreset[] = ['thisMonth', 'lastMonth'];

const pad = (n: number) => String(n).padStart(2, '0');

/** Today on the workstation's calendar, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The from/to days of a preset, given today (YYYY-MM-DD): this month runs from its 1st to today. */
export function presetRange(preset: PeriodPreset, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  if (preset === 'thisMonth') return { from: `${y}-${pad(m)}-01`, to: today };
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` };
}

/** Which preset a period is, if any. */
export function presetOf(range: { from: string; to: string }, today: string): PeriodPreset | null {
  return PERIOD_PRESETS.find((p) => {
    const r = presetRange(p, today);
    return r.from === range.from && r.to === range.to;
  }) ?? null;
}
