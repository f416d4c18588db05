import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseListRow } from '../../../shared/contract/schemas';
import { formatDateTime, formatFen } from '../format';
import type { Language } from '../i18n';
import { CaseStatusChip } from './caseStatus';

interface Props {
  rows: CaseListRow[];
  language: Language;
  /** user id → display name; when given, the collector column is shown */
  collectors?: Map<string, string>;
  onOpen(row: CaseListRow): void;
}

const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The dense table of the work queue. A row opens the case (click or Enter). */
export function CaseTable({ rows, language, collectors, onOpen }: Props) {
  const { t } = useTranslation();
  const absent = <span aria-label={t('common.absent')}>—</span>;
  return (
    <TableContainer>
      <Table stickyHeader aria-label={t('queue.tableLabel')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('queue.columns.caseNo')}</TableCell>
            <TableCell>{t('queue.columns.client')}</TableCell>
            <TableCell>{t('queue.columns.debtor')}</TableCell>
            <TableCell sx={NUM}>{t('queue.columns.balance')}</TableCell>
            <TableCell sx={NUM}>{t('queue.columns.overdueDays')}</TableCell>
            <TableCell>{t('queue.columns.stage')}</TableCell>
            <TableCell>{t('queue.columns.status')}</TableCell>
            {collectors && <TableCell>{t('queue.columns.assignedTo')}</TableCell>}
            <TableCell>{t('queue.columns.nextAction')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow
              key={r.id}
              hover
              tabIndex={0}
              sx={{ cursor: 'pointer' }}
              onClick={() => onOpen(r)}
              onKeyDown={(e) => e.key === 'Enter' && onOpen(r)}
            >
              <TableCell className="mono">{r.caseNo}</TableCell>
              <TableCell>{r.clientCode}</TableCell>
              <TableCell>{r.debtorName ?? absent}</TableCell>
              <TableCell sx={NUM}>{formatFen(r.balanceFen)}</TableCell>
              <TableCell sx={NUM}>{r.overdueDays ?? absent}</TableCell>
              <TableCell>{r.stage ?? absent}</TableCell>
              <TableCell>
                <CaseStatusChip status={r.status} />
              </TableCell>
              {collectors && <TableCell>{r.assignedTo ? (collectors.get(r.assignedTo) ?? r.assignedTo) : t('queue.unassigned')}</TableCell>}
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.nextActionAt ? formatDateTime(r.nextActionAt, language) : absent}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
