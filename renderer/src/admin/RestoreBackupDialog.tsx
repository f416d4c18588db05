import { WarningAmberOutlined } from '@mui/icons-material';
import { Alert, AlertTitle, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract/methods';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { BackupPassphraseField } from '../components/BackupPassphraseField';
import { useNotify } from '../components/Notifier';
import { restoreErrorText } from '../components/restoreErrorText';
import { formatDateTime } from '../format';

type BackupEntry = MethodOutput<'backup.list'>[number];

interface Props {
  /** the backup to restore; null keeps the dialog closed */
  backup: BackupEntry | null;
  sizeText: (bytes: number) => string;
  onClose(): void;
}

/**
 * Admin → Data → Restore…: says plainly that the current data will be replaced, asks for the passphrase the backup
 * was made with, and restores (the app makes a safety backup first). Everyone is then signed out: sign-in next.
 */
export function RestoreBackupDialog({ backup, sizeText, onClose }: Props) {
  const { t } = useTranslation();
  const { prefs, setStatus } = useApp();
  const notify = useNotify();
  const [passphrase, setPassphrase] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function close() {
    if (busy) return;
    setPassphrase('');
    setTried(false);
    setError(null);
    onClose();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setError(null);
    if (!backup || passphrase === '') return;
    setBusy(true);
    try {
      const status = await api.call('backup.restore', { name: backup.name, passphrase });
      notify(t('data.restoreDone', { name: backup.name }));
      setStatus(status);
    } catch (err) {
      setError(restoreErrorText(err, t, prefs.language));
      setBusy(false);
    }
  }

  const missing = tried && passphrase === '';
  return (
    <Dialog open={backup !== null} onClose={close} maxWidth="sm">
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle>{t('data.restoreTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Alert severity="warning" role="note" icon={<WarningAmberOutlined />}>
              <AlertTitle>{t('data.restoreWarningTitle')}</AlertTitle>
              {t('data.restoreWarning')}
            </Alert>
            {backup && (
              <Box
                component="dl"
                sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, typography: 'body2', '& dt': { color: 'text.secondary' }, '& dd': { m: 0 } }}
              >
                <dt>{t('data.restoreBackup')}</dt>
                <dd className="mono" data-testid="restore-backup-name" style={{ wordBreak: 'break-all' }}>
                  {backup.name}
                </dd>
                <dt>{t('data.col.createdAt')}</dt>
                <dd>
                  {formatDateTime(backup.createdAt, prefs.language)}
                  <Box component="span" sx={{ color: 'text.secondary', ml: 1.5 }}>
                    {sizeText(backup.bytes)}
                  </Box>
                </dd>
              </Box>
            )}
            <BackupPassphraseField value={passphrase} onChange={setPassphrase} missing={missing} autoFocus />
            <Typography variant="caption" color="textSecondary" sx={{ lineHeight: 1.6 }}>
              {t('data.restoreSignOut')}
            </Typography>
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={close} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" color="error" disabled={busy}>
            {busy ? t('data.restoring') : t('data.restoreConfirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
