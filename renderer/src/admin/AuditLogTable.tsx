import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../../shared/contract/admin';
import { formatDateTime } from '../format';
import type { Language } from '../i18n';
import { actionText, detailsText, NAMED_ACTIONS, viaText } from './auditText';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** One page of audit events, newest first: users by name, details in words (as recorded on hover). */
export function AuditLogTable({ rows, language, names }: { rows: AuditRow[]; language: Language; names: ReadonlyMap<string, string> }) {
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
              <TableCell sx={NOWRAP}>{viaText(t, r.via)}</TableCell>
              <TableCell sx={NOWRAP}>
                {/* the recorded code only on hover: the interface names actions in words */}
                <Box title={NAMED_ACTIONS.has(r.action) ? r.action : undefined}>{actionText(t, r.action)}</Box>
              </TableCell>
              <TableCell sx={NOWRAP}>
                {r.entity ? t(`auditLog.entities.${r.entity}`, { defaultValue: r.entity }) : '—'}
                {r.entityId && (
                  <Typography variant="caption" component="div" className={names.has(r.entityId) ? undefined : 'mono'} color="textSecondary" title={r.entityId}>
                    {names.get(r.entityId) ?? (r.entityId.length > 14 ? `${r.entityId.slice(0, 12)}…` : r.entityId)}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <Typography variant="body2" component="div" title={r.details === '{}' ? undefined : r.details} sx={{ wordBreak: 'break-word', lineHeight: 1.45 }}>
                  {r.details === '{}' ? '' : detailsText(t, r.details, names, language)}
                </Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
