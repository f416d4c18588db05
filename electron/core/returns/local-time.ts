import { offsetMinutes } from '../../../shared/compliance/zoned';
import type { ReturnDateFormat, ReturnInstantFormat } from '../../../shared/profile/returns-schema';

/** An instant as the client's clock shows it. */
export interface LocalTime {
  y: string;
  m: string;
  d: string;
  hh: string;
  mm: string;
  ss: string;
  /** "+08:00" */
  offset: string;
}

const BUCKET_MS = 15 * 60_000;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * Local times of many instants in one zone, fast: the zone's offset is looked up once per quarter hour (every
 * zone changes its offset on a quarter-hour boundary), not once per row.
 */
export function localTimes(tz: string): (iso: string) => LocalTime | null {
  const offsets = new Map<number, number>();
  return (iso) => {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return null;
    const bucket = Math.floor(ms / BUCKET_MS);
    let off = offsets.get(bucket);
    if (off === undefined) {
      off = offsetMinutes(new Date(bucket * BUCKET_MS), tz);
      offsets.set(bucket, off);
    }
    const t = new Date(ms + off * 60_000);
    const abs = Math.abs(off);
    return {
      y: pad(t.getUTCFullYear(), 4), m: pad(t.getUTCMonth() + 1), d: pad(t.getUTCDate()),
      hh: pad(t.getUTCHours()), mm: pad(t.getUTCMinutes()), ss: pad(t.getUTCSeconds()),
      offset: `${off < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`,
    };
  };
}

/** YYYY-MM-DD in one of the bank's date formats. */
export function formatDay(day: string, format: ReturnDateFormat): string {
  const [y = '', m = '', d = ''] = day.split('-');
  switch (format) {
    case 'YYYY-MM-DD': return `${y}-${m}-${d}`;
    case 'YYYY/MM/DD': return `${y}/${m}/${d}`;
    case 'YYYYMMDD': return `${y}${m}${d}`;
    case 'YYYY.MM.DD': return `${y}.${m}.${d}`;
    case 'YYYY年MM月DD日': return `${y}年${m}月${d}日`;
  }
}

export function formatLocal(t: LocalTime, format: ReturnInstantFormat): string {
  switch (format) {
    case 'YYYY-MM-DD HH:mm:ss': return `${t.y}-${t.m}-${t.d} ${t.hh}:${t.mm}:${t.ss}`;
    case 'YYYY/MM/DD HH:mm:ss': return `${t.y}/${t.m}/${t.d} ${t.hh}:${t.mm}:${t.ss}`;
    case 'YYYYMMDDHHmmss': return `${t.y}${t.m}${t.d}${t.hh}${t.mm}${t.ss}`;
    case 'ISO-8601': return `${t.y}-${t.m}-${t.d}T${t.hh}:${t.mm}:${t.ss}${t.offset}`;
  }
}

export const dayOf = (t: LocalTime): string => `${t.y}-${t.m}-${t.d}`;
