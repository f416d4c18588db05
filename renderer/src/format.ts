import type { Language } from './i18n';

/** English month abbreviations as the pickers (dayjs) write them: Sep, never ICU's en-GB "Sept". */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const two = (n: number): string => String(n).padStart(2, '0');

/** Year, month (1–12) and day as the app writes a date: 2026/11/03 in Chinese, 03 Nov 2026 in English. */
function dayText(y: number, m: number, d: number, language: string): string {
  return language === 'zh-CN' ? `${y}/${two(m)}/${two(d)}` : `${two(d)} ${MONTHS[m - 1]} ${y}`;
}

/** An instant (UTC ISO-8601) in the workstation's local time, e.g. 2025/03/01 14:05 or 01 Mar 2025, 14:05. */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  // a month name in English: never day/month guessing; 24-hour time in both
  const day = dayText(d.getFullYear(), d.getMonth() + 1, d.getDate(), language);
  const time = `${two(d.getHours())}:${two(d.getMinutes())}`;
  return language === 'zh-CN' ? `${day} ${time}` : `${day}, ${time}`;
}

/** Integer fen shown as yuan with two decimals; never goes through floating-point arithmetic on the amount. */
export function formatFen(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${cents}`;
}

/** Integer fen as a short yuan amount for a tight space: 2,864.1万 and 5.1亿, or 28.6M in English. */
export function formatFenCompact(fen: number, language: string): string {
  return new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(fen / 100);
}

/** What a date picker shows and takes (dayjs tokens): the same forms as formatCalendarDay and formatDateTime. */
export const DAY_PICKER_FORMAT: Record<Language, string> = { 'zh-CN': 'YYYY/MM/DD', en: 'DD MMM YYYY' };
/** A picker calendar's heading: 2026年11月 (not 十一月 2026), November 2026. */
export const CALENDAR_HEADER_FORMAT: Record<Language, string> = { 'zh-CN': 'YYYY年M月', en: 'MMMM YYYY' };
export const DATE_TIME_PICKER_FORMAT: Record<Language, string> = { 'zh-CN': 'YYYY/MM/DD HH:mm', en: 'DD MMM YYYY, HH:mm' };

/** A calendar date (YYYY-MM-DD): 2026/11/24 in Chinese, 24 Nov 2026 (03 Nov 2026) in English: never day/month guessing, and as the pickers show it. */
export function formatCalendarDay(day: string | null | undefined, language: string): string {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCDate() !== Number(m[3])) return day;
  return dayText(Number(m[1]), Number(m[2]), Number(m[3]), language);
}

/** A calendar date without its year, for a chart's axis: 11/24 in Chinese, 24 Nov in English. */
export function formatShortDay(day: string, language: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  return language === 'zh-CN' ? `${m[1]}/${m[2]}` : `${m[2]} ${MONTHS[Number(m[1]) - 1] ?? ''}`;
}
