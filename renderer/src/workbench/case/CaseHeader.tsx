import { VisibilityOffOutlined } from '@mui/icons-material';
import { Box, Chip, Paper, Stack, Tooltip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { useApp } from '../../app/AppContext';
import { formatFen } from '../../format';
import { CaseStatusChip } from '../../screens/caseStatus';
import { formatDay } from '../dates';
import { FlagMenu } from './FlagMenu';
import { UnmaskedValue } from './UnmaskedValue';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box sx={{ minWidth: 0 }} data-testid={testId}>
      <Typography variant="caption" color="textSecondary" component="div" noWrap>
        {label}
      </Typography>
      <Typography variant="body2" component="div" sx={{ fontWeight: 500, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {children}
      </Typography>
    </Box>
  );
}

function Hidden() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('wb.case.amountsHiddenWhy')}>
      <Box component="span" data-testid="amount-hidden" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: 'text.secondary' }}>
        <VisibilityOffOutlined sx={{ fontSize: 14 }} />
        {t('wb.case.amountHidden')}
      </Box>
    </Tooltip>
  );
}

/** The debtor and the debt, masked; amounts hidden while the call is in third-party mode. */
export function CaseHeader({ detail, hideAmounts, onFlagged }: { detail: CaseDetail; hideAmounts: boolean; onFlagged(): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const absent = t('common.absent');
  const days = detail.batch.daysToDueBack;
  // Third-party mode hides amounts and debt details (CN-3P): what a person other than the debtor must not hear.
  const debt = (shown: ReactNode) => (hideAmounts ? <Hidden /> : shown);
  const { at, amountFen } = detail.lastPayment;
  const lastPayment = at || amountFen !== null ? [at ? formatDay(at, prefs.language) : null, amountFen !== null ? formatFen(amountFen) : null].filter(Boolean).join(' · ') : null;
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1.25 }}>
        <Typography variant="h6" component="div" sx={{ display: 'flex', alignItems: 'center' }} data-testid="debtor-name">
          <UnmaskedValue caseId={detail.id} field="debtorName" masked={detail.debtor.name} label={t('wb.unmask.name')} />
        </Typography>
        <CaseStatusChip status={detail.status} />
        {days !== null && !detail.readOnly && (
          <Chip
            data-testid="due-back-countdown"
            color={days <= 7 ? 'warning' : 'default'}
            variant={days <= 7 ? 'filled' : 'outlined'}
            label={days < 0 ? t('wb.case.dueBackPast') : t('wb.case.daysLeft', { count: days })}
            sx={{ height: 20, fontSize: 12 }}
          />
        )}
        {detail.flags.map((f) => (
          <Chip key={f} color="error" variant="outlined" label={t(`wb.flags.${f}`, { defaultValue: f })} sx={{ height: 20, fontSize: 12 }} data-testid={`flag-${f}`} />
        ))}
        <Box sx={{ flex: 1 }} />
        {!detail.readOnly && <FlagMenu caseId={detail.id} flags={detail.flags} onDone={onFlagged} />}
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(118px, 1fr))', columnGap: 2, rowGap: 1.25 }}>
        <Fact label={t('queue.columns.caseNo')}>
          <span className="mono">{detail.caseNo}</span>
        </Fact>
        <Fact label={t('queue.columns.client')}>{detail.client.name}</Fact>
        <Fact label={t('wb.case.product')}>{debt(detail.product ?? absent)}</Fact>
        <Fact label={t('wb.case.account')}>{debt(detail.accountMasked ? <span className="mono">{detail.accountMasked}</span> : absent)}</Fact>
        <Fact label={t('wb.case.placedAmount')} testId="fact-placed">
          {debt(formatFen(detail.placedAmountFen))}
        </Fact>
        <Fact label={t('wb.case.balance')} testId="fact-balance">
          {debt(formatFen(detail.balanceFen))}
        </Fact>
        <Fact label={t('wb.case.overdueDays')}>{debt(detail.overdueDays ?? absent)}</Fact>
        <Fact label={t('queue.columns.stage')}>{debt(detail.stage ?? absent)}</Fact>
        <Fact label={t('wb.case.batch')}>{detail.batch.batchNo ?? (detail.batch.placedAt ? t('wb.case.placedOn', { date: formatDay(detail.batch.placedAt, prefs.language) }) : absent)}</Fact>
        <Fact label={t('wb.case.dueBack')} testId="fact-due-back">
          {detail.batch.dueBackAt ? formatDay(detail.batch.dueBackAt, prefs.language) : absent}
        </Fact>
        <Fact label={t('wb.case.lastPayment')} testId="fact-last-payment">
          {debt(lastPayment ?? absent)}
        </Fact>
      </Box>
      {detail.bankRemarks && (
        <Stack direction="row" spacing={1} sx={{ mt: 1.25, alignItems: 'baseline', minWidth: 0 }} data-testid="bank-remarks">
          <Typography variant="caption" color="textSecondary" sx={{ flexShrink: 0 }}>
            {t('wb.case.bankRemarks')}
          </Typography>
          <Tooltip title={hideAmounts ? '' : detail.bankRemarks}>
            <Typography variant="body2" sx={{ minWidth: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {debt(detail.bankRemarks)}
            </Typography>
          </Tooltip>
        </Stack>
      )}
    </Paper>
  );
}
