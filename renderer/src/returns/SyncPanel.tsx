import { CloudSyncOutlined } from '@mui/icons-material';
import { Alert, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SyncClientStatus } from '../../../shared/contract/sync';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { useNotify } from '../components/Notifier';
import { formatDateTime } from '../format';
import { offText, roundText } from './syncText';
import { useSyncStatus } from './useSyncStatus';

const COLUMNS = ['client', 'state', 'pending', 'failed', 'lastSuccess', 'lastError', 'next', 'actions'] as const;

function StateChip({ s, running }: { s: SyncClientStatus; running: boolean }) {
  const { t } = useTranslation();
  if (running || s.running) return <Chip size="small" color="info" label={t('returns.sync.running')} />;
  if (!s.enabled) {
    return (
      <Tooltip title={s.off ?? ''}>
        <Chip size="small" variant="outlined" label={t('returns.sync.off')} />
      </Tooltip>
    );
  }
  return <Chip size="small" color={s.lastError ? 'warning' : 'success'} label={s.lastError ? t('returns.sync.failing') : t('returns.sync.on')} />;
}

/** Bank sync, client by client: what waits for the bank, the last success, the last error in words, "sync now". */
export function SyncPanel() {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const { rows, error, running, syncNow } = useSyncStatus();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, prefs.language) : t('returns.sync.never'));

  async function run(s: SyncClientStatus) {
    try {
      const r = await syncNow(s.clientCode);
      notify(roundText(r, s.clientName, t), r.ok ? 'success' : 'error');
    } catch (err) {
      notify(errorText(err, t, prefs.language), 'error');
    }
  }

  return (
    <Paper variant="outlined" component="section" aria-label={t('returns.sync.title')} sx={{ overflow: 'hidden', mb: 2 }}>
      <Stack direction="row" spacing={1} sx={{ px: 2, pt: 1.5, pb: 1, alignItems: 'center' }}>
        <CloudSyncOutlined color="action" />
        <Typography variant="subtitle1" component="h2">
          {t('returns.sync.title')}
        </Typography>
      </Stack>
      <Typography variant="body2" color="textSecondary" sx={{ px: 2, pb: 1.5 }}>
        {t('returns.sync.subtitle')}
      </Typography>
      {error !== null && (
        <Alert severity="error" sx={{ mx: 2, mb: 1.5 }}>
          {errorText(error, t, prefs.language)}
        </Alert>
      )}
      {rows && rows.length === 0 && (
        <Typography variant="body2" color="textSecondary" sx={{ px: 2, pb: 2 }}>
          {t('returns.noClients')}
        </Typography>
      )}
      {rows && rows.length > 0 && (
        <TableContainer>
          <Table size="small" aria-label={t('returns.sync.tableLabel')} sx={{ '& td, & th': { px: 1.25 } }}>
            <TableHead>
              <TableRow>
                {COLUMNS.map((c) => (
                  <TableCell key={c} sx={{ fontWeight: 600, whiteSpace: 'nowrap' }} align={c === 'pending' || c === 'failed' ? 'right' : 'left'}>
                    {c === 'actions' ? '' : t(`returns.sync.columns.${c}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((s) => {
                const busy = running.has(s.clientCode) || s.running;
                return (
                  <TableRow key={s.clientCode} data-testid={`sync-row-${s.clientCode}`}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <Typography variant="body2">{s.clientName}</Typography>
                      <Typography variant="caption" color="textSecondary">
                        {s.clientCode}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      <StateChip s={s} running={running.has(s.clientCode)} />
                    </TableCell>
                    {/* Without a sync interface nothing waits to be pushed: the outcomes go back in the returns file. */}
                    <TableCell align="right" data-testid={`sync-pending-${s.clientCode}`} sx={{ fontVariantNumeric: 'tabular-nums' }} title={s.enabled ? undefined : t('returns.sync.byFile')}>
                      {s.enabled ? new Intl.NumberFormat(prefs.language).format(s.pending) : '—'}
                    </TableCell>
                    <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', color: s.failed > 0 ? 'error.main' : undefined }}>
                      {new Intl.NumberFormat(prefs.language).format(s.failed)}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{when(s.lastSuccessAt)}</TableCell>
                    <TableCell sx={{ maxWidth: 420 }}>
                      {!s.enabled ? (
                        <Typography variant="body2" color="textSecondary" title={s.off ?? undefined}>
                          {offText(s, t)}
                        </Typography>
                      ) : s.lastError ? (
                        <Typography variant="body2" color="error" data-testid={`sync-error-${s.clientCode}`}>
                          {t('returns.sync.errorAt', { time: when(s.lastErrorAt) })} {s.lastError}
                        </Typography>
                      ) : (
                        <Typography variant="body2" color="textSecondary">
                          {t('returns.sync.noError')}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{s.enabled && s.nextAttemptAt ? formatDateTime(s.nextAttemptAt, prefs.language) : '—'}</TableCell>
                    <TableCell align="right">
                      <Button size="small" variant="outlined" onClick={() => void run(s)} disabled={!s.enabled || busy}>
                        {busy ? t('returns.sync.running') : t('returns.sync.now')}
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Paper>
  );
}
