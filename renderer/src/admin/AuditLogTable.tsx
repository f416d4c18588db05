import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../shared/contract/admin';
import { formatDateTime } from '../format';
import type { Language } from '../i18n';
import { AUDIT_ACTIONS } from './AuditLogFilters';

const KNOWN = new Set<string>([...AUDIT_ACTIONS, 'auth.sign_in_refused', 'auth.password_change_refused']);
const VIA = new Set(['ui', 'web', 'cli', 'sync', 'system']);
const NOWRAP = { whiteSpace: 'nowrap' } as const;

function actionText(t: TFunction, action: string): string {
  return KNOWN.has(action) ? t(`auditLog.actions.${action}`) : action;
}

/** One page of audit events, newest first; the raw action and details stay visible for the record. */
export function AuditLogTable({ rows, language }: { rows: AuditRow[]; language: Language }) {
  const { t } = useTranslation();
  return (
    <TableContainer>
      <Table aria-label={t('auditLog.tableLabel')} sx={{ '& td, & th': { px: 1.25 } }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ ...NOWRAP, textAlign: 'right' }}>{t('auditLog.col.seq')}</TableCell>
            <TableCell>{t('auditLog.col.at')}</TableCell>
            <TableCell>{t('auditLog.col.actor')}</TableCell>
            <TableCell>{t('auditLog.col.via')}</TableCell>
            <TableCell>{t('auditLog.col.action')}</TableCell>
            <TableCell>{t('auditLog.col.entity')}</TableCell>
            <TableCell sx={{ width: '40%' }}>{t('auditLog.col.details')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.seq} hover data-action={r.action}>
              <TableCell className="mono" sx={{ ...NOWRAP, textAlign: 'right', color: 'text.secondary' }}>
                {r.seq}
              </TableCell>
              <TableCell sx={{ ...NOWRAP, fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(r.at, language)}</TableCell>
              <TableCell sx={NOWRAP}>{r.actor ?? <Box component="span" sx={{ color: 'text.secondary' }}>{t('auditLog.system')}</Box>}</TableCell>
              <TableCell sx={NOWRAP}>{VIA.has(r.via) ? t(`auditLog.via.${r.via}`) : r.via}</TableCell>
              <TableCell sx={NOWRAP}>
                <Box>{actionText(t, r.action)}</Box>
                {KNOWN.has(r.action) && (
                  <Typography variant="caption" className="mono" color="textSecondary">
                    {r.action}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={NOWRAP}>
                {r.entity ? t(`auditLog.entities.${r.entity}`, { defaultValue: r.entity }) : '—'}
                {r.entityId && (
                  <Typography variant="caption" component="div" className="mono" color="textSecondary" title={r.entityId}>
                    {r.entityId.length > 14 ? `${r.entityId.slice(0, 12)}…` : r.entityId}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <Typography variant="caption" component="div" className="mono" sx={{ wordBreak: 'break-all', lineHeight: 1.45 }}>
                  {r.details === '{}' ? '' : r.details}
                </Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
