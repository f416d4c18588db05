import { localDay } from '../../../shared/compliance/zoned';
import type { Db } from '../db/open';

export interface TodayCounts {
  /** any activity on the case (any channel, either direction) in the debtor's local day */
  contactedToday: boolean;
  /** outbound calls on the case in the debtor's local day, as the per-day attempt limits count them */
  attemptsToday: number;
}

/** A local day is at most a day long, whatever the zone (plus an hour for a daylight-saving change). */
const DAY_MS = 25 * 60 * 60 * 1000;

/**
 * Today's contact on each case of a page: its activities of the last day read through their (case, time) index, and
 * kept when they fall on today in the debtor's zone — the day the compliance counters count in.
 */
export function todayCounts(db: Db, cases: { id: string; tz: string }[], now: Date): Map<string, TodayCounts> {
  const out = new Map<string, TodayCounts>(cases.map((c) => [c.id, { contactedToday: false, attemptsToday: 0 }]));
  if (!cases.length) return out;
  const since = new Date(now.getTime() - DAY_MS).toISOString();
  const stmt = db.prepare('SELECT started_at AS at, channel, direction FROM activities WHERE case_id = ? AND started_at >= ? AND started_at <= ?');
  const until = now.toISOString();
  const todayIn = new Map<string, string>();
  for (const c of cases) {
    let today = todayIn.get(c.tz);
    if (today === undefined) todayIn.set(c.tz, (today = localDay(now, c.tz)));
    const counts = out.get(c.id)!;
    for (const a of stmt.all(c.id, since, until) as { at: string; channel: string; direction: string }[]) {
      if (localDay(new Date(a.at), c.tz) !== today) continue;
      counts.contactedToday = true;
      if (a.channel === 'call' && a.direction !== 'inbound') counts.attemptsToday += 1;
    }
  }
  return out;
}
