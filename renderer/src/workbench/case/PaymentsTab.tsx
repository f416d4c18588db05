import { Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { useApp } from '../../app/AppContext';
import { formatFen } from '../../format';
import { formatDay } from '../dates';
import { EmptyNote } from './EmptyNote';

const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/**
 * Bank-confirmed payments (the only kind that counts toward recovery); one the bank reversed (冲正) is struck through and
 * marked; a waiver (减免) that lowered the balance is marked as no payment.
 */
export function PaymentsTab({ detail, hideAmounts }: { detail: CaseDetail; hideAmounts: boolean }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  if (detail.payments.length === 0) return <EmptyNote text={t('wb.payments.empty')} />;
  return (
    <Table aria-label={t('wb.tabs.payments')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('wb.payments.paidAt')}</TableCell>
          <TableCell sx={NUM}>{t('wb.payments.amount')}</TableCell>
          <TableCell>{t('wb.payments.channel')}</TableCell>
          <TableCell>{t('wb.payments.txnRef')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {detail.payments.map((p) => (
          <TableRow key={p.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDay(p.paidAt, prefs.language)}</TableCell>
            <TableCell sx={{ ...NUM, textDecoration: p.reversedAt ? 'line-through' : undefined, color: p.adjustment !== null ? 'text.secondary' : undefined }}>
              {hideAmounts ? '••••' : formatFen(p.amountFen)}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.channel ?? '—'}</TableCell>
            <TableCell>
              <span className="mono">{p.txnRef ?? '—'}</span>
              {p.reversedAt && (
                <Chip
                  size="small"
                  color="warning"
                  variant="outlined"
                  sx={{ ml: 1 }}
                  label={t('wb.payments.reversed', { date: formatDay(p.reversedAt, prefs.language), ref: p.reversalRef ?? '' })}
                />
              )}
              {p.adjustment !== null && (
                <Chip size="small" color="info" variant="outlined" sx={{ ml: 1 }} label={t('wb.payments.adjustment', { type: p.adjustment || t('wb.payments.adjustmentType') })} />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
