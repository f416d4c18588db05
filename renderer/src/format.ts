import type { Language } from './i18n';

const locale = (language: Language): string => (language === 'zh-CN' ? 'zh-CN' : 'en-GB');

/** An instant (UTC ISO-8601) in the workstation's local time, e.g. 2025/03/01 14:05 or 1 Mar 2025, 14:05. */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  // 2025/03/01 14:05 in Chinese; 1 Mar 2025, 14:05 in English (a month name: never day/month guessing)
  return new Intl.DateTimeFormat(locale(language), {
    year: 'numeric',
    month: language === 'zh-CN' ? '2-digit' : 'short',
    day: language === 'zh-CN' ? '2-digit' : 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
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
export const DAY_PICKER_FORMAT: Record<Language, string> = { 'zh-CN': 'YYYY/MM/DD', en: 'D MMM YYYY' };
/** A picker calendar's heading: 2026年11月 (not 十一月 2026), November 2026. */
export const CALENDAR_HEADER_FORMAT: Record<Language, string> = { 'zh-CN': 'YYYY年M月', en: 'MMMM YYYY' };
export const DATE_TIME_PICKER_FORMAT: Record<Language, string> = { 'zh-CN': 'YYYY/MM/DD HH:mm', en: 'D MMM YYYY, HH:mm' };

/** A calendar date (YYYY-MM-DD): 2026/11/24 in Chinese, 24 Nov 2026 in English (never day/month guessing). */
export function formatCalendarDay(day: string | null | undefined, language: string): string {
  if (!day) return '';
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  if (language === 'zh-CN') return new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(d);
  return new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/** A calendar date without its year, for a chart's axis: 11/24 in Chinese, 24 Nov in English. */
export function formatShortDay(day: string, language: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  if (language === 'zh-CN') return `${m[1]}/${m[2]}`;
  return new Intl.DateTimeFormat('en-GB', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
