import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BatchRow } from '../../../shared/contract/intake';
import { formatFen } from '../../../shared/domain/money';
import { formatDateTime } from '../format';
import { formatDay } from '../workbench/dates';
import type { Language } from '../i18n';
import { daysUntil } from './intakeText';

const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
/** due back within this many days: shown in amber */
const SOON = 14;

function DaysLeft({ date, today }: { date: string; today: Date }) {
  const { t } = useTranslation();
  const days = daysUntil(date, today);
  if (days === null) return null;
  let color = 'text.secondary';
  let text = t('intake.batches.daysLeft', { count: days });
  if (days < 0) {
    color = 'error.main';
    text = t('intake.batches.overdue', { count: -days });
  } else if (days === 0) {
    color = 'error.main';
    text = t('intake.batches.dueToday');
  } else if (days <= SOON) color = 'warning.main';
  return (
    <Box component="span" sx={{ color, ml: 1, fontSize: 12 }}>
      {text}
    </Box>
  );
}

interface Props {
  batches: BatchRow[];
  clientNames: Map<string, string>;
  language: Language;
}

/** Placement batches: where each came from, when it is due back, its hand, case count and placed total. */
export function BatchesTable({ batches, clientNames, language }: Props) {
  const { t } = useTranslation();
  const today = new Date();
  const absent = <span aria-label={t('common.absent')}>—</span>;
  return (
    <TableContainer sx={{ maxHeight: 420 }}>
      <Table stickyHeader aria-label={t('intake.batches.tableLabel')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('intake.client')}</TableCell>
            <TableCell>{t('intake.field.batchNo')}</TableCell>
            <TableCell>{t('intake.batches.file')}</TableCell>
            <TableCell>{t('intake.field.placedAt')}</TableCell>
            <TableCell>{t('intake.field.dueBackAt')}</TableCell>
            <TableCell sx={NUM}>{t('intake.field.hand')}</TableCell>
            <TableCell sx={NUM}>{t('intake.batches.cases')}</TableCell>
            <TableCell sx={NUM}>{t('intake.batches.placedTotal')}</TableCell>
            <TableCell>{t('intake.batches.status')}</TableCell>
            <TableCell>{t('intake.batches.importedAt')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {batches.map((b) => (
            <TableRow key={b.id} hover>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{clientNames.get(b.clientCode) ?? b.clientCode}</TableCell>
              <TableCell className="mono" sx={{ whiteSpace: 'nowrap' }}>
                {b.batchNo ?? absent}
              </TableCell>
              <TableCell sx={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={b.fileName}>
                {b.fileName}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{b.placedAt ? formatDay(b.placedAt, language) : absent}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {b.dueBackAt ? formatDay(b.dueBackAt, language) : absent}
                {b.dueBackAt && b.status === 'active' && <DaysLeft date={b.dueBackAt} today={today} />}
              </TableCell>
              <TableCell sx={NUM}>{b.hand ?? absent}</TableCell>
              <TableCell sx={NUM}>{b.caseCount.toLocaleString(language)}</TableCell>
              <TableCell sx={NUM}>{formatFen(b.placedTotalFen)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`intake.batches.statuses.${b.status}`, { defaultValue: b.status })}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(b.importedAt, language)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
