import type { CaseDetail } from '../../../shared/contract/workbench';
import { formatCalendarDay } from '../format';
import type { Language } from '../i18n';

/** YYYY-MM-DD plus n calendar days (UTC arithmetic on the date alone). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * "Today" as the app's clock sees it in the debtor's zone: the core sends the days left until due-back, so today is
 * due-back minus those days (the app's clock may run from COLLECTDESK_NOW, not the workstation's). Without a
 * due-back date: the workstation's date.
 */
export function caseToday(detail: CaseDetail): string {
  const { dueBackAt, daysToDueBack } = detail.batch;
  if (dueBackAt && daysToDueBack !== null) return addDays(dueBackAt, -daysToDueBack);
  return localDay(new Date());
}

/** A `datetime-local` value (workstation time) → an ISO instant; undefined when empty or invalid. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** A calendar date (YYYY-MM-DD) in the UI's language: 2026/11/24, or 24 Nov 2026 (one style across the app). */
export function formatDay(day: string | null | undefined, language: Language): string {
  return formatCalendarDay(day, language);
}
