import { BackupOutlined, DeleteSweepOutlined, Refresh, RestoreOutlined } from '@mui/icons-material';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract/methods';
import { api, isApiError } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { formatDateTime } from '../format';
import { BackupScheduleSection } from './BackupScheduleSection';
import { PurgePreviewDialog } from './PurgePreviewDialog';
import { RestoreBackupDialog } from './RestoreBackupDialog';

type Backup = MethodOutput<'backup.create'>;
type BackupEntry = MethodOutput<'backup.list'>[number];
type Purge = MethodOutput<'retention.purge'>;

const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const SECTION = { p: 2, borderBottom: 1, borderColor: 'divider' } as const;

/** 1234567 → "1.2 MB" (units are the same in both languages). */
function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Admin → Data: make a backup now, the backups made so far (each restorable), and purging expired personal data. */
export function DataPanel() {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  const [made, setMade] = useState<Backup | null>(null);
  const [purged, setPurged] = useState<Purge | null>(null);
  const [busy, setBusy] = useState<'backup' | 'purge' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setBackups(await api.call('backup.list', {}));
    } catch (err) {
      setError(errorText(err, t, prefs.language));
    }
  }, [t, prefs.language]);

  useEffect(() => {
    void load();
  }, [load]);

  /** a backup now; a purge of exactly the cases its preview counted (`expectCases`) */
  async function run(kind: 'backup' | 'purge', expectCases?: number) {
    setBusy(kind);
    setError(null);
    setConfirming(false);
    try {
      if (kind === 'backup') {
        setMade(await api.call('backup.create', {}));
        await load();
      } else setPurged(await api.call('retention.purge', { expectCases }));
    } catch (err) {
      if (kind === 'purge' && isApiError(err) && err.code === 'conflict') setError(t('data.purgePreview.changed'));
      else setError(errorText(err, t, prefs.language));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Box>
      {error && <Alert severity="error" sx={{ m: 2 }}>{error}</Alert>}
      <Box component="section" aria-label={t('data.backupTitle')} sx={SECTION}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Box sx={{ flex: 1 }}>
            <Typography variant="subtitle2" component="h2">{t('data.backupTitle')}</Typography>
            <Typography variant="body2" color="textSecondary" sx={{ lineHeight: 1.6, mt: 0.5, maxWidth: 860 }}>{t('data.backupExplain')}</Typography>
            <Box component="code" className="mono" sx={{ display: 'inline-block', mt: 0.75, px: 1, py: 0.25, fontSize: 12, bgcolor: 'action.hover', borderRadius: 1 }}>
              {t('data.restoreCommand')}
            </Box>
          </Box>
          <Button variant="contained" startIcon={<BackupOutlined />} disabled={busy !== null} onClick={() => void run('backup')} sx={{ flex: 'none' }}>
            {busy === 'backup' ? t('data.backingUp') : t('data.backupNow')}
          </Button>
        </Stack>
        {made && (
          <Alert severity="success" role="status" sx={{ mt: 1.5 }}>
            <AlertTitle>{t('data.backupDone')}</AlertTitle>
            <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1.5, rowGap: 0.25, '& dd': { m: 0 } }}>
              <dt>{t('data.file')}</dt>
              <dd className="mono" data-testid="backup-file">{made.file}</dd>
              <dt>{t('data.size')}</dt>
              <dd>{sizeText(made.bytes)}</dd>
              <dt>{t('data.sha256')}</dt>
              <dd className="mono" data-testid="backup-sha256" style={{ wordBreak: 'break-all' }}>{made.sha256}</dd>
            </Box>
          </Alert>
        )}
      </Box>
      <Box component="section" aria-label={t('data.listLabel')} sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Stack direction="row" sx={{ alignItems: 'center', px: 2, py: 0.5 }}>
          <Typography variant="subtitle2" component="h2" sx={{ flex: 1 }}>{t('data.listLabel')}</Typography>
          <Tooltip title={t('common.refresh')}>
            <IconButton aria-label={t('common.refresh')} onClick={() => void load()}>
              <Refresh fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
        {backups && backups.length === 0 && (
          <Typography variant="body2" color="textSecondary" sx={{ px: 2, pb: 1.5 }}>{t('data.noBackups')}</Typography>
        )}
        {backups && backups.length > 0 && (
          <Table aria-label={t('data.listLabel')} sx={{ '& td, & th': { px: 2 } }}>
            <TableHead>
              <TableRow>
                <TableCell>{t('data.col.name')}</TableCell>
                <TableCell sx={NUM}>{t('data.col.size')}</TableCell>
                <TableCell>{t('data.col.createdAt')}</TableCell>
                <TableCell sx={{ width: '1%', whiteSpace: 'nowrap' }}>{t('data.col.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {backups.map((b) => (
                <TableRow key={b.name} hover>
                  <TableCell className="mono" sx={{ whiteSpace: 'nowrap' }}>{b.name}</TableCell>
                  <TableCell sx={NUM}>{sizeText(b.bytes)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(b.createdAt, prefs.language)}</TableCell>
                  <TableCell sx={{ py: 0, whiteSpace: 'nowrap' }}>
                    <Button startIcon={<RestoreOutlined />} aria-label={t('data.restoreLabel', { name: b.name })} disabled={busy !== null} onClick={() => setRestoring(b)}>
                      {t('data.restore')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
      <BackupScheduleSection />
      <Box component="section" aria-label={t('data.purgeTitle')} sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Box sx={{ flex: 1 }}>
            <Typography variant="subtitle2" component="h2">{t('data.purgeTitle')}</Typography>
            <Typography variant="body2" color="textSecondary" sx={{ lineHeight: 1.6, mt: 0.5, maxWidth: 860 }}>{t('data.purgeExplain')}</Typography>
          </Box>
          <Button variant="outlined" color="error" startIcon={<DeleteSweepOutlined />} disabled={busy !== null} onClick={() => setConfirming(true)} sx={{ flex: 'none' }}>
            {busy === 'purge' ? t('data.purging') : t('data.purgeButton')}
          </Button>
        </Stack>
        {purged && (
          <Alert severity={purged.cases > 0 ? 'success' : 'info'} role="status" sx={{ mt: 1.5 }}>
            {purged.cases > 0 ? t('data.purgeDone', { cases: purged.cases, debtors: purged.debtors }) : t('data.purgeNothing')}
            {purged.vacuumed && ` ${t('data.vacuumed')}`}
          </Alert>
        )}
      </Box>
      <RestoreBackupDialog backup={restoring} sizeText={sizeText} onClose={() => setRestoring(null)} />
      <PurgePreviewDialog open={confirming} onClose={() => setConfirming(false)} onConfirm={(n) => void run('purge', n)} />
    </Box>
  );
}
