import { Refresh, SyncOutlined } from '@mui/icons-material';
import { Alert, Box, Chip, IconButton, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncOverview } from '../../../shared/contract/stations';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { formatDateTime } from '../format';
import { hubCodeKey, hubErrorText } from './hubErrorText';
import { userLabel } from './stationText';

const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * The lead's view of the agency's stations (on the assignment screen): each collector's last sync and what their
 * computer has still to receive, and the reassigned cases whose old computer has not handed them over yet. Shown
 * only when this computer is a station of an agency hub.
 */
export function StationSyncCard({ generation = 0 }: { generation?: number }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const lang = prefs.language;
  const [view, setView] = useState<SyncOverview | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setView(await api.call('station.syncOverview', {}));
      setError(null);
    } catch (err) {
      setError(hubErrorText(err, t, lang));
    }
  }, [t, lang]);

  useEffect(() => {
    void load();
  }, [load, generation]);

  if (!error && (!view || !view.connected)) return null;
  const reason = view?.hubProblem ? t(hubCodeKey(view.hubProblem) ?? 'errors.hub_failed') : '';
  return (
    <Paper variant="outlined" component="section" aria-label={t('stations.sync.title')} sx={{ p: 2, mt: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <SyncOutlined fontSize="small" color="primary" />
        <Box sx={{ flex: 1 }}>
          <Typography variant="subtitle2" component="h2">
            {t('stations.sync.title')}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {t('stations.sync.subtitle')}
            {view && ` · ${t('stations.sync.readAt', { time: formatDateTime(view.readAt, lang) })}`}
          </Typography>
        </Box>
        <Tooltip title={t('stations.sync.refresh')}>
          <IconButton size="small" aria-label={t('stations.sync.refresh')} onClick={() => void load()}>
            <Refresh fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {view?.hubProblem && (
        <Alert severity="warning" sx={{ mb: 1.5 }}>
          {t('stations.sync.unreachable', { reason })}
        </Alert>
      )}
      {view?.collectors && (
        <Table size="small" aria-label={t('stations.sync.tableLabel')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('stations.sync.col.collector')}</TableCell>
              <TableCell>{t('stations.sync.col.stations')}</TableCell>
              <TableCell>{t('stations.sync.col.lastSync')}</TableCell>
              <TableCell sx={NUM}>{t('stations.sync.col.pending')}</TableCell>
              <TableCell sx={NUM}>{t('stations.sync.col.handovers')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {view.collectors.map((c) => {
              const live = c.stations.filter((s) => !s.revokedAt);
              return (
                <TableRow key={c.user.id} data-collector={c.user.name ?? c.user.id}>
                  <TableCell sx={NOWRAP}>{userLabel(c.user, lang)}</TableCell>
                  <TableCell>{live.length ? live.map((s) => s.name).join(lang === 'zh-CN' ? '、' : ', ') : <Typography variant="body2" color="textSecondary" component="span">{t('stations.sync.noStation')}</Typography>}</TableCell>
                  <TableCell sx={NOWRAP}>{c.lastSyncAt ? formatDateTime(c.lastSyncAt, lang) : live.length ? t('stations.sync.never') : '—'}</TableCell>
                  <TableCell sx={NUM}>{live.length ? live.reduce((n, s) => n + s.pendingDown, 0).toLocaleString(lang) : '—'}</TableCell>
                  <TableCell sx={NUM}>{c.handoversPending > 0 ? <Chip size="small" color="warning" label={c.handoversPending.toLocaleString(lang)} /> : '0'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {view && view.collectors && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle2" component="h3">
            {t('stations.sync.handoversTitle')}
          </Typography>
          {view.handovers.length === 0 ? (
            <Typography variant="body2" color="textSecondary" sx={{ mt: 0.5 }}>
              {t('stations.sync.noHandovers')}
            </Typography>
          ) : (
            <>
              <Typography variant="caption" color="textSecondary" component="p" sx={{ mb: 1 }}>
                {t('stations.sync.handoversHint')}
              </Typography>
              <Table size="small" aria-label={t('stations.sync.handoversTableLabel')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('stations.sync.handoverCol.caseNo')}</TableCell>
                    <TableCell>{t('stations.sync.handoverCol.client')}</TableCell>
                    <TableCell>{t('stations.sync.handoverCol.from')}</TableCell>
                    <TableCell>{t('stations.sync.handoverCol.to')}</TableCell>
                    <TableCell>{t('stations.sync.handoverCol.at')}</TableCell>
                    <TableCell>{t('stations.sync.handoverCol.waiting')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {view.handovers.map((h) => (
                    <TableRow key={h.caseId}>
                      <TableCell className="mono" sx={NOWRAP}>
                        {h.caseNo}
                      </TableCell>
                      <TableCell>{h.client}</TableCell>
                      <TableCell sx={NOWRAP}>{userLabel(h.fromUser, lang)}</TableCell>
                      <TableCell sx={NOWRAP}>{userLabel(h.toUser, lang)}</TableCell>
                      <TableCell sx={NOWRAP}>{formatDateTime(h.reassignedAt, lang)}</TableCell>
                      <TableCell>{h.stations.map((s) => { const seen = s.lastSeenAt ? formatDateTime(s.lastSeenAt, lang) : t('stations.sync.never'); return lang === 'zh-CN' ? `${s.name}（${seen}）` : `${s.name} (${seen})`; }).join(lang === 'zh-CN' ? '、' : ', ')}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </Box>
      )}
    </Paper>
  );
}
