import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { useApp } from '../../app/AppContext';
import { formatDateTime, formatFen } from '../../format';
import { formatDay } from '../dates';
import { EmptyNote } from './EmptyNote';

const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const PROMISE_COLOR: Record<string, 'default' | 'success' | 'warning' | 'error' | 'info'> = { pending: 'info', kept: 'success', partly_kept: 'warning', broken: 'error' };
const PLAN_COLOR: Record<string, 'default' | 'success' | 'warning' | 'error' | 'info'> = { requested: 'info', approved: 'success', rejected: 'error' };

function Status({ label, color }: { label: string; color: 'default' | 'success' | 'warning' | 'error' | 'info' }) {
  return <Chip variant="outlined" color={color} label={label} sx={{ height: 20, fontSize: 12 }} />;
}

/** Promises to pay and plan requests of the case (amounts hidden in third-party mode). */
export function PromisesTab({ detail, hideAmounts }: { detail: CaseDetail; hideAmounts: boolean }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const money = (fen: number) => (hideAmounts ? '••••' : formatFen(fen));
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2" sx={{ px: 2, pt: 1.5 }}>
        {t('wb.promises.title')}
      </Typography>
      {detail.promises.length === 0 ? (
        <EmptyNote text={t('wb.promises.empty')} />
      ) : (
        <Table aria-label={t('wb.promises.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('wb.promises.dueDate')}</TableCell>
              <TableCell sx={NUM}>{t('wb.promises.amount')}</TableCell>
              <TableCell sx={NUM}>{t('wb.promises.paid')}</TableCell>
              <TableCell>{t('wb.promises.status')}</TableCell>
              <TableCell>{t('wb.promises.createdAt')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {detail.promises.map((p) => (
              <TableRow key={p.id} data-testid="promise-row">
                <TableCell>{formatDay(p.dueDate, prefs.language)}</TableCell>
                <TableCell sx={NUM}>{money(p.amountFen)}</TableCell>
                <TableCell sx={NUM}>{money(p.paidFen)}</TableCell>
                <TableCell>
                  <Status label={t(`wb.promiseStatus.${p.status}`, { defaultValue: p.status })} color={PROMISE_COLOR[p.status] ?? 'default'} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(p.createdAt, prefs.language)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Typography variant="subtitle2" sx={{ px: 2, pt: 1 }}>
        {t('wb.plans.title')}
      </Typography>
      {detail.plans.length === 0 ? (
        <EmptyNote text={t('wb.plans.empty')} />
      ) : (
        <Table aria-label={t('wb.plans.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('wb.plans.kind')}</TableCell>
              <TableCell>{t('wb.plans.schedule')}</TableCell>
              <TableCell sx={NUM}>{t('wb.plans.waiver')}</TableCell>
              <TableCell>{t('wb.plans.status')}</TableCell>
              <TableCell>{t('wb.promises.createdAt')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {detail.plans.map((p) => (
              <TableRow key={p.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`wb.planKinds.${p.kind}`, { defaultValue: p.kind })}</TableCell>
                <TableCell>
                  {p.schedule.map((s) => (
                    <div key={`${s.dueDate}-${s.amountFen}`}>
                      {formatDay(s.dueDate, prefs.language)} · {money(s.amountFen)}
                    </div>
                  ))}
                </TableCell>
                <TableCell sx={NUM}>{p.waiverFen ? money(p.waiverFen) : '—'}</TableCell>
                <TableCell>
                  <Status label={t(`wb.planStatus.${p.status}`, { defaultValue: p.status })} color={PLAN_COLOR[p.status] ?? 'default'} />
                  {p.decisionReason && (
                    <Typography variant="caption" color="textSecondary" component="div">
                      {p.decisionReason}
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(p.createdAt, prefs.language)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}
