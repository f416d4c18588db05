import type { TFunction } from 'i18next';
import type { PlanQueueRow } from '../../../../shared/contract/leads';
import { formatFen } from '../../../../shared/domain/money';
import type { SheetData } from '../../export/xlsx';
import { formatCalendarDay, formatDateTime } from '../../format';
import type { Language } from '../../i18n';
import { ABSENT, amountCell } from '../figures';

export const PLAN_STATUSES = ['requested', 'approved', 'rejected', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** “3 installments of 1,000.00, 2026-12-01 – 2027-02-01”: the schedule in one line. */
export function scheduleSummary(t: TFunction, schedule: PlanQueueRow['schedule'], language?: string): string {
  const day = (d: string) => (language ? formatCalendarDay(d, language) : d);
  const first = schedule[0];
  const last = schedule[schedule.length - 1];
  if (!first || !last) return ABSENT;
  if (schedule.length === 1) return t('lead.plans.scheduleOne', { amount: formatFen(first.amountFen), date: day(first.dueDate) });
  const total = schedule.reduce((s, i) => s + i.amountFen, 0);
  const even = schedule.every((i) => i.amountFen === first.amountFen);
  return even
    ? t('lead.plans.scheduleEven', { n: schedule.length, amount: formatFen(first.amountFen), from: day(first.dueDate), to: day(last.dueDate) })
    : t('lead.plans.scheduleUneven', { n: schedule.length, total: formatFen(total), from: day(first.dueDate), to: day(last.dueDate) });
}

/** Every installment on its own line, for a tooltip. */
export const scheduleLines = (schedule: PlanQueueRow['schedule']): string => schedule.map((i) => `${i.dueDate}  ${formatFen(i.amountFen)}`).join('\n');

export const kindText = (t: TFunction, kind: string): string => t(`lead.plans.kind.${kind}`, { defaultValue: kind });
export const statusText = (t: TFunction, status: string): string => t(`lead.plans.status.${status}`, { defaultValue: status });

export const PLAN_HEADERS = ['caseNo', 'client', 'debtor', 'balance', 'kind', 'schedule', 'waiver', 'requestedBy', 'requestedAt', 'status', 'decision'] as const;

/** The queue as shown (masked debtor, formatted amounts and dates), for the spreadsheet. */
export function plansSheet(t: TFunction, rows: PlanQueueRow[], clientName: (code: string) => string, language: Language): SheetData {
  return {
    sheetName: t('lead.plans.sheetName'),
    headers: PLAN_HEADERS.map((h) => t(`lead.plans.col.${h}`)),
    rows: rows.map((r) => [
      r.caseNo,
      clientName(r.clientCode),
      r.debtorName ?? ABSENT,
      amountCell(r.balanceFen),
      kindText(t, r.kind),
      scheduleSummary(t, r.schedule, language),
      r.waiverFen > 0 ? amountCell(r.waiverFen) : ABSENT,
      r.requestedBy,
      formatDateTime(r.requestedAt, language),
      statusText(t, r.status) + (r.needsAdmin && r.status === 'requested' ? ` · ${t('lead.plans.needsAdmin')}` : ''),
      r.decidedBy ? `${t('lead.plans.decidedBy', { name: r.decidedBy })}${r.decisionReason ?? ''}` : '',
    ]),
  };
}
