import { BlockOutlined } from '@mui/icons-material';
import { Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { StationEntry } from '../../../shared/contract/stations';
import { useApp } from '../app/AppContext';
import { formatDateTime } from '../format';
import { userLabel } from './stationText';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The agency's stations as the hub knows them: users, replica, last contact, changes waiting, status. */
export function StationsTable({ stations, onRevoke }: { stations: StationEntry[]; onRevoke: (s: StationEntry) => void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const lang = prefs.language;
  return (
    <Table size="small" aria-label={t('stations.list.tableLabel')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('stations.list.col.name')}</TableCell>
          <TableCell>{t('stations.list.col.users')}</TableCell>
          <TableCell>{t('stations.list.col.replica')}</TableCell>
          <TableCell>{t('stations.list.col.lastSeen')}</TableCell>
          <TableCell>{t('stations.list.col.pending')}</TableCell>
          <TableCell>{t('stations.list.col.status')}</TableCell>
          <TableCell align="right">{t('stations.list.col.actions')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {stations.map((s) => (
          <TableRow key={s.id} data-station={s.id} data-revoked={s.revokedAt ? 'true' : 'false'} sx={s.revokedAt ? { '& td': { color: 'text.disabled' } } : undefined}>
            <TableCell sx={NOWRAP}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <span>{s.name}</span>
                {s.self && <Chip size="small" variant="outlined" color="primary" label={t('stations.list.thisComputer')} />}
              </Stack>
            </TableCell>
            <TableCell>
              {s.users.map((u) => (
                <Box key={u.id} component="span" sx={{ display: 'inline-block', mr: 1.5, whiteSpace: 'nowrap' }}>
                  {userLabel(u, lang)}
                  <Box component="span" sx={{ color: 'text.secondary', ml: 0.5, fontSize: 12 }}>
                    {t(`roles.${u.role}`)}
                  </Box>
                </Box>
              ))}
            </TableCell>
            <TableCell sx={NOWRAP}>{t(`stations.replica.${s.replica}`)}</TableCell>
            <TableCell sx={NOWRAP}>{s.lastSeenAt ? formatDateTime(s.lastSeenAt, lang) : t('stations.list.never')}</TableCell>
            <TableCell sx={NOWRAP}>
              <Typography variant="body2" component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {t('stations.list.pendingDown', { count: s.pendingDown })}
                {s.pendingUp !== null && ` · ${t('stations.list.pendingUp', { count: s.pendingUp })}`}
              </Typography>
            </TableCell>
            <TableCell sx={NOWRAP}>
              {s.revokedAt ? (
                <Chip size="small" color="default" label={t('stations.list.revokedAt', { time: formatDateTime(s.revokedAt, lang) })} />
              ) : (
                <Chip size="small" color="success" variant="outlined" label={t('stations.list.active')} />
              )}
            </TableCell>
            <TableCell align="right" sx={NOWRAP}>
              {!s.self && !s.revokedAt && (
                <Button size="small" color="error" startIcon={<BlockOutlined />} onClick={() => onRevoke(s)} aria-label={`${t('stations.list.revoke')} ${s.name}`}>
                  {t('stations.list.revoke')}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
