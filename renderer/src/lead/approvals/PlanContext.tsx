import { Box, Link, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PlanQueueRow } from '../../../../shared/contract/leads';
import { formatFen } from '../../../../shared/domain/money';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { formatDateTime } from '../../format';
import type { Language } from '../../i18n';

const RECENT = 5;

/**
 * What a lead weighs a plan request by: the collector's reason, the waiver against the bank's limit, and the case's
 * latest activities; with a link to the case itself.
 */
export function PlanContext({ plan, language, onOpenCase }: { plan: PlanQueueRow; language: Language; onOpenCase?(caseId: string): void }) {
  const { t } = useTranslation();
  const detail = useLoad(`case|${plan.caseId}`, () => api.call('case.get', { caseId: plan.caseId }));
  const recent = detail.value?.timeline.slice(0, RECENT) ?? null;
  const limit = plan.waiverLimitFen === null ? t('lead.plans.noLimit') : t('lead.yuan', { amount: formatFen(plan.waiverLimitFen) });
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2">{t('lead.plans.requestReason')}</Typography>
      <Typography variant="body2" sx={{ mb: 1, whiteSpace: 'pre-wrap' }} color={plan.requestReason ? 'textPrimary' : 'textSecondary'}>
        {plan.requestReason ?? t('lead.plans.noReason')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('lead.plans.waiverAgainstLimit', { waiver: t('lead.yuan', { amount: formatFen(plan.waiverFen) }), limit })}
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          {t('lead.plans.history')}
        </Typography>
        {onOpenCase && (
          <Link component="button" variant="body2" onClick={() => onOpenCase(plan.caseId)}>
            {t('lead.openCase', { caseNo: plan.caseNo })}
          </Link>
        )}
      </Box>
      {recent === null ? (
        <Typography variant="body2" color="textSecondary">
          {detail.error ? t('lead.plans.historyUnavailable') : t('common.loading')}
        </Typography>
      ) : recent.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('lead.plans.noHistory')}
        </Typography>
      ) : (
        <Table size="small" aria-label={t('lead.plans.history')} sx={{ '& td': { px: 0.75, py: 0.5, verticalAlign: 'top' } }}>
          <TableBody>
            {recent.map((a) => (
              <TableRow key={a.id}>
                <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(a.at, language)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`wb.results.${a.resultCode}`, { defaultValue: a.resultCode })}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.collector}</TableCell>
                <TableCell>{a.notes ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
