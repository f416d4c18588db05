/** Period presets for the returns, from the app's today (YYYY-MM-DD; its clock may differ from the workstation's). */
export type Preset = 'yesterday' | 'today' | 'last7' | 'thisMonth' | 'lastMonth';
export const PRESETS: readonly Preset[] = ['yesterday', 'today', 'last7', 'thisMonth', 'lastMonth'];

export interface Period {
  from: string;
  to: string;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;

export function presetPeriod(preset: Preset, today: string): Period {
  switch (preset) {
    case 'yesterday': {
      const y = addDays(today, -1);
      return { from: y, to: y };
    }
    case 'today': return { from: today, to: today };
    case 'last7': return { from: addDays(today, -7), to: addDays(today, -1) };
    case 'thisMonth': return { from: monthStart(today), to: today };
    case 'lastMonth': {
      const end = addDays(monthStart(today), -1);
      return { from: monthStart(end), to: end };
    }
  }
}

/** The preset a period is, if any (to highlight it). */
export function presetOf(p: Period, today: string): Preset | null {
  return PRESETS.find((k) => {
    const q = presetPeriod(k, today);
    return q.from === p.from && q.to === p.to;
  }) ?? null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** What is wrong with a period, as a message key, or null. */
export function periodProblem(p: Period): 'missing' | 'backwards' | 'tooLong' | null {
  if (!DAY.test(p.from) || !DAY.test(p.to)) return 'missing';
  if (p.from > p.to) return 'backwards';
  if ((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 >= 366) return 'tooLong';
  return null;
}
