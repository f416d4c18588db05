import { DescriptionOutlined, FolderOpenOutlined } from '@mui/icons-material';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { chooseFile, type StagedFile } from '../api/files';
import { useApp } from '../app/AppContext';
import { BackupPassphraseField } from '../components/BackupPassphraseField';
import { useNotify } from '../components/Notifier';
import { restoreErrorText } from '../components/restoreErrorText';
import { formatBytes } from '../import/intakeText';

/**
 * First run, the third choice: restore a backup file into this (empty) data folder. The file is picked the way an
 * import picks one (the desktop's open dialog, or an upload in browser mode), then restored with its passphrase;
 * the app then asks for a user name and password from the backup.
 */
export function RestoreFromBackup({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { prefs, setStatus } = useApp();
  const notify = useNotify();
  const [file, setFile] = useState<StagedFile | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState<'choosing' | 'restoring' | null>(null);
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function pick() {
    setError(null);
    setBusy('choosing');
    try {
      const chosen = await chooseFile(['cdbackup'], t('restore.pickerTitle'));
      if (chosen) setFile(chosen);
    } catch (err) {
      setError(restoreErrorText(err, t, prefs.language));
    } finally {
      setBusy(null);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setError(null);
    if (!file) return setError(t('restore.fileRequired'));
    if (passphrase === '') return;
    setBusy('restoring');
    try {
      const status = await api.call('app.restore', { fileRef: file.fileRef, passphrase });
      notify(t('restore.done'));
      setStatus(status);
    } catch (err) {
      setError(restoreErrorText(err, t, prefs.language));
      setBusy(null);
    }
  }

  const missingPassphrase = tried && passphrase === '';
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="sm">
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle>{t('restore.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText variant="body2" sx={{ mb: 2 }}>
            {t('restore.intro')}
          </DialogContentText>
          <Stack spacing={2}>
            <Box>
              <Typography variant="caption" color="textSecondary" component="div" sx={{ mb: 0.5 }}>
                {t('restore.file')}
              </Typography>
              <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', minHeight: 34 }}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flex: 1, minWidth: 0, px: 1, py: 0.75, borderRadius: 1, bgcolor: 'action.hover' }}>
                  <DescriptionOutlined fontSize="small" color={file ? 'primary' : 'disabled'} />
                  {file ? (
                    <Typography variant="body2" className="mono" data-testid="restore-file" noWrap title={file.name} sx={{ flex: 1, minWidth: 0 }}>
                      {file.name}
                      <Box component="span" sx={{ color: 'text.secondary', ml: 1 }}>
                        {formatBytes(file.size, prefs.language)}
                      </Box>
                    </Typography>
                  ) : (
                    <Typography variant="body2" color="textSecondary" sx={{ flex: 1 }}>
                      {busy === 'choosing' ? t('restore.choosing') : t('restore.noFile')}
                    </Typography>
                  )}
                </Stack>
                <Button variant="outlined" startIcon={<FolderOpenOutlined />} onClick={() => void pick()} disabled={busy !== null} sx={{ flex: 'none' }}>
                  {file ? t('restore.chooseAnother') : t('restore.chooseFile')}
                </Button>
              </Stack>
            </Box>
            <BackupPassphraseField value={passphrase} onChange={setPassphrase} missing={missingPassphrase} />
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy !== null}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy !== null} sx={{ minWidth: 96 }}>
            {busy === 'restoring' ? t('restore.restoring') : t('restore.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
