import { Box, Chip, Stack } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import type { TFunction } from 'i18next';
import type { CaseListRow } from '../../../../shared/contract/schemas';
import { maskName } from '../../../../shared/domain/masking';
import { formatDateTime, formatFen } from '../../format';
import type { Language } from '../../i18n';
import { CaseStatusChip } from '../../screens/caseStatus';
import { formatDay } from '../dates';
import type { QueueSort } from './queueState';

/** Grid column → the core's sort key; columns not listed here are not sortable. */
export const SORT_OF: Partial<Record<string, QueueSort>> = {
  caseNo: 'caseNo',
  balanceFen: 'balance',
  overdueDays: 'overdueDays',
  promiseDueDate: 'promiseDue',
  nextActionAt: 'nextActionAt',
  dueBackAt: 'dueBack',
};
export const FIELD_OF: Record<QueueSort, string> = Object.fromEntries(Object.entries(SORT_OF).map(([f, s]) => [s, f])) as Record<QueueSort, string>;

const NUM = { type: 'number', align: 'right', headerAlign: 'right' } as const;

function PromiseCell({ row, language, brokenLabel }: { row: CaseListRow; language: Language; brokenLabel: string }) {
  if (!row.promiseDueDate) return row.brokenPromise ? <Chip color="error" variant="outlined" label={brokenLabel} sx={{ height: 20, fontSize: 12 }} /> : null;
  return (
    <Stack direction="row" spacing={0.75} title={row.brokenPromise ? brokenLabel : undefined} sx={{ alignItems: 'center', height: '100%', color: row.brokenPromise ? 'error.main' : 'text.primary', fontWeight: row.brokenPromise ? 600 : 400 }} data-broken={row.brokenPromise ? 'true' : undefined}>
      <span>{formatDay(row.promiseDueDate, language)}</span>
      {row.promiseAmountFen !== null && row.promiseAmountFen !== undefined && <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>{formatFen(row.promiseAmountFen)}</Box>}
    </Stack>
  );
}

/** Whether the debtor may be called now, in their zone: closed says their local time and when it opens. */
function WindowCell({ row, t }: { row: CaseListRow; t: TFunction }) {
  const w = row.callWindow;
  if (!w) return null;
  if (w.open) return <Box component="span" sx={{ color: 'text.secondary', fontSize: 12 }} data-testid="window-open">{t('wb.queue.callWindow.open')}</Box>;
  const opens = w.opensAt ? w.opensAt.slice(11, 16) : w.start;
  return (
    <Chip
      size="small"
      color="warning"
      variant="outlined"
      data-testid="window-closed"
      label={t('wb.queue.callWindow.closed')}
      title={t('wb.queue.callWindow.closedTip', { local: w.localTime, end: w.end, start: w.start, opens })}
      sx={{ height: 20, fontSize: 12 }}
    />
  );
}

/** Today's contact on the case (in the debtor's day): contacted or not, and the outbound call attempts. */
function TodayCell({ row, t }: { row: CaseListRow; t: TFunction }) {
  if (!row.contactedToday) return <Box component="span" sx={{ color: 'text.disabled', fontSize: 12 }}>{t('wb.queue.today.none')}</Box>;
  const attempts = t('wb.queue.today.attempts', { count: row.attemptsToday ?? 0 });
  return (
    <Chip size="small" color="success" variant="outlined" data-testid="contacted-today" label={attempts} title={`${t('wb.queue.today.contacted')} · ${attempts}`} sx={{ height: 20, fontSize: 12 }} />
  );
}

/** A follow-up whose time has passed stands out (colour, and its label for screen readers and on hover). */
function NextActionCell({ at, language, now, label }: { at: string | null; language: Language; now: number; label: string }) {
  if (!at) return null;
  const overdue = Date.parse(at) < now;
  return (
    <Box component="span" title={overdue ? label : undefined} aria-label={overdue ? `${label} ${formatDateTime(at, language)}` : undefined} data-overdue={overdue ? 'true' : undefined} sx={overdue ? { color: 'error.main', fontWeight: 600 } : undefined}>
      {formatDateTime(at, language)}
    </Box>
  );
}

/** The work queue's columns; the collector column only for leads and admins. */
export function queueColumns(t: TFunction, language: Language, team: boolean, now: number = Date.now()): GridColDef<CaseListRow>[] {
  const absent = t('common.absent');
  const cols: (GridColDef<CaseListRow> | false)[] = [
    { field: 'caseNo', headerName: t('queue.columns.caseNo'), width: 120, cellClassName: 'mono' },
    { field: 'clientCode', headerName: t('queue.columns.client'), width: 68 },
    { field: 'debtorName', headerName: t('queue.columns.debtor'), width: 68, valueGetter: (v: string | null) => maskName(v) ?? absent },
    { field: 'balanceFen', headerName: t('wb.queue.columns.balance'), width: 100, ...NUM, valueFormatter: (v: number) => formatFen(v) },
    { field: 'overdueDays', headerName: t('wb.queue.columns.overdueDays'), description: t('wb.case.overdueDays'), width: language === 'zh-CN' ? 80 : 64, ...NUM, valueFormatter: (v: number | null) => (v === null ? absent : String(v)) },
    { field: 'stage', headerName: t('queue.columns.stage'), width: 56, valueGetter: (v: string | null) => v ?? absent },
    { field: 'status', headerName: t('queue.columns.status'), renderCell: (p) => <CaseStatusChip status={p.row.status} />, width: language === 'zh-CN' ? 88 : 120 },
    { field: 'callWindow', headerName: t('wb.queue.columns.callWindow'), description: t('wb.queue.callWindow.help'), width: language === 'zh-CN' ? 76 : 84, renderCell: (p) => <WindowCell row={p.row} t={t} /> },
    {
      field: 'promiseDueDate',
      headerName: t('wb.queue.columns.promise'),
      minWidth: language === 'zh-CN' ? 130 : 120,
      flex: 1,
      renderCell: (p) => <PromiseCell row={p.row} language={language} brokenLabel={t('wb.queue.broken')} />,
    },
    { field: 'contactedToday', headerName: t('wb.queue.columns.today'), description: t('wb.queue.today.help'), width: language === 'zh-CN' ? 84 : 80, renderCell: (p) => <TodayCell row={p.row} t={t} /> },
    {
      field: 'nextActionAt',
      headerName: t('queue.columns.nextAction'),
      width: 124,
      renderCell: (p) => <NextActionCell at={p.row.nextActionAt} language={language} now={now} label={t('wb.queue.overdueFollowUp')} />,
    },
    { field: 'dueBackAt', headerName: t('wb.queue.columns.dueBack'), width: 92, valueFormatter: (v: string | null) => (v ? formatDay(v, language) : '') },
    team && { field: 'assignedToName', headerName: t('queue.columns.assignedTo'), width: language === 'zh-CN' ? 76 : 88, valueGetter: (v: string | null) => v ?? t('queue.unassigned') },
  ];
  return cols.filter((c): c is GridColDef<CaseListRow> => c !== false).map((c) => ({ ...c, sortable: c.field in SORT_OF, disableColumnMenu: true, filterable: false }));
}
