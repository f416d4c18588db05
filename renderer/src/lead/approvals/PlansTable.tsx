import { Box, Button, Chip, Link, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PlanQueueRow } from '../../../../shared/contract/leads';
import { formatFen } from '../../../../shared/domain/money';
import { formatDateTime } from '../../format';
import type { Language } from '../../i18n';
import { ABSENT } from '../figures';
import { kindText, scheduleLines, scheduleSummary, statusText } from './planText';

const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const STATUS_COLOR: Record<string, ChipProps['color']> = { requested: 'warning', approved: 'success', rejected: 'error', cancelled: 'default' };

interface Props {
  rows: PlanQueueRow[];
  clientName(code: string): string;
  language: Language;
  /** leads and admins decide; a collector only sees their requests */
  canDecide: boolean;
  onDecide(row: PlanQueueRow, approve: boolean): void;
  onOpenCase?(caseId: string): void;
}

/** Plan requests with their case: requested ones first, each with approve / reject. */
export function PlansTable({ rows, clientName, language, canDecide, onDecide, onOpenCase }: Props) {
  const { t } = useTranslation();
  return (
    <TableContainer>
      <Table aria-label={t('lead.plans.tableLabel')} sx={{ '& td, & th': { px: 1.25 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('lead.plans.col.caseNo')}</TableCell>
            <TableCell>{t('lead.plans.col.debtor')}</TableCell>
            <TableCell sx={NUM}>{t('lead.plans.col.balance')}</TableCell>
            <TableCell>{t('lead.plans.col.kind')}</TableCell>
            <TableCell>{t('lead.plans.col.schedule')}</TableCell>
            <TableCell sx={NUM}>{t('lead.plans.col.waiver')}</TableCell>
            <TableCell>{t('lead.plans.col.requestedBy')}</TableCell>
            <TableCell>{t('lead.plans.col.status')}</TableCell>
            <TableCell>{t('lead.plans.col.decision')}</TableCell>
            {canDecide && <TableCell sx={{ textAlign: 'right' }}>{t('lead.plans.col.actions')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} hover data-plan-id={r.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {onOpenCase ? (
                  <Link component="button" className="mono" underline="hover" onClick={() => onOpenCase(r.caseId)} aria-label={t('lead.openCase', { caseNo: r.caseNo })} sx={{ display: 'block' }}>
                    {r.caseNo}
                  </Link>
                ) : (
                  <Box className="mono">{r.caseNo}</Box>
                )}
                <Typography variant="caption" color="textSecondary">
                  {clientName(r.clientCode)}
                </Typography>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.debtorName ?? <span aria-label={t('common.absent')}>{ABSENT}</span>}</TableCell>
              <TableCell sx={NUM}>{formatFen(r.balanceFen)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{kindText(t, r.kind)}</TableCell>
              <TableCell>
                <Tooltip title={<Box sx={{ whiteSpace: 'pre', fontFamily: 'monospace' }}>{scheduleLines(r.schedule)}</Box>}>
                  <span>{scheduleSummary(t, r.schedule, language)}</span>
                </Tooltip>
              </TableCell>
              <TableCell sx={{ ...NUM, color: r.needsAdmin ? 'warning.dark' : undefined, fontWeight: r.needsAdmin ? 600 : undefined }}>{r.waiverFen > 0 ? formatFen(r.waiverFen) : ABSENT}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Box>{r.requestedBy}</Box>
                <Typography variant="caption" color="textSecondary">
                  {formatDateTime(r.requestedAt, language)}
                </Typography>
              </TableCell>
              <TableCell>
                <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                  <Chip variant="outlined" color={STATUS_COLOR[r.status] ?? 'default'} label={statusText(t, r.status)} sx={{ height: 20, fontSize: 12 }} />
                  {r.needsAdmin && r.status === 'requested' && <Chip color="warning" label={t('lead.plans.needsAdmin')} sx={{ height: 20, fontSize: 12 }} />}
                </Stack>
              </TableCell>
              <TableCell sx={{ maxWidth: 220 }}>
                {r.decidedBy && (
                  <Typography variant="body2" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' }} title={r.decisionReason ?? undefined}>
                    <Box component="span" sx={{ color: 'text.secondary' }}>
                      {t('lead.plans.decidedBy', { name: r.decidedBy })}
                    </Box>
                    {r.decisionReason}
                  </Typography>
                )}
              </TableCell>
              {canDecide && (
                <TableCell sx={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  {r.status === 'requested' && (
                    <Stack direction="row" spacing={0.75} sx={{ justifyContent: 'flex-end' }}>
                      <Button variant="outlined" color="success" onClick={() => onDecide(r, true)} aria-label={t('lead.plans.approveCase', { caseNo: r.caseNo })}>
                        {t('lead.plans.approve')}
                      </Button>
                      <Button variant="outlined" color="error" onClick={() => onDecide(r, false)} aria-label={t('lead.plans.rejectCase', { caseNo: r.caseNo })}>
                        {t('lead.plans.reject')}
                      </Button>
                    </Stack>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
