import { Divider, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { FormDialog } from '../components/FormDialog';
import { useNotify } from '../components/Notifier';
import { PasswordField } from '../components/PasswordField';
import { useFields } from '../forms/useFields';
import { required, sameAs, secret } from '../forms/validate';
import { hubErrorText } from './hubErrorText';

const EMPTY = { hubUrl: '', fingerprint: '', code: '', stationName: '', passphrase: '', passphraseConfirm: '' };

/**
 * First run, the fourth choice: this computer joins the agency hub with an enrollment code from an administrator.
 * The store is made with a new passphrase, the station's cases are pulled, then its users sign in with their own
 * passwords (the sign-in screen comes next).
 */
export function JoinHubDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { prefs, setStatus } = useApp();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { values, field, check } = useFields(
    EMPTY,
    (v) => ({
      hubUrl: required(v.hubUrl),
      fingerprint: required(v.fingerprint),
      code: required(v.code),
      stationName: v.stationName.trim().length > 100 ? 'validation.tooLong' : null,
      passphrase: secret(v.passphrase),
      passphraseConfirm: sameAs(v.passphraseConfirm, v.passphrase),
    }),
    { hubUrl: t('hub.join.hubUrlHint'), fingerprint: t('hub.join.fingerprintHint'), code: t('hub.join.codeHint'), stationName: t('hub.join.stationNameHint'), passphrase: t('firstRun.passphraseHint') },
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!check()) return;
    setBusy(true);
    try {
      const name = values.stationName.trim();
      const status = await api.call('hub.join', { hubUrl: values.hubUrl.trim(), fingerprint: values.fingerprint.trim(), code: values.code.trim(), passphrase: values.passphrase, ...(name ? { stationName: name } : {}) });
      notify(t('hub.join.done'));
      setStatus(status);
    } catch (err) {
      setError(hubErrorText(err, t, prefs.language));
      setBusy(false);
    }
  }

  return (
    <FormDialog
      open={open}
      title={t('hub.join.title')}
      submitLabel={busy ? t('hub.join.joining') : t('hub.join.submit')}
      busy={busy}
      error={error}
      onClose={busy ? () => undefined : onClose}
      onSubmit={(e) => void submit(e)}
      maxWidth="sm"
      intro={
        <Typography variant="body2" color="textSecondary" sx={{ mb: 2 }}>
          {t('hub.join.intro')}
        </Typography>
      }
    >
      <Typography variant="subtitle2" component="h3">
        {t('hub.join.hubSection')}
      </Typography>
      <TextField label={t('hub.join.hubUrl')} autoFocus required autoComplete="off" {...field('hubUrl')} />
      <TextField label={t('hub.join.fingerprint')} required autoComplete="off" slotProps={{ htmlInput: { className: 'mono', spellCheck: false } }} {...field('fingerprint')} />
      <TextField label={t('hub.join.code')} required autoComplete="off" slotProps={{ htmlInput: { className: 'mono', spellCheck: false, style: { letterSpacing: '0.08em' } } }} {...field('code')} />
      <TextField label={t('hub.join.stationName')} autoComplete="off" {...field('stationName')} />
      <Divider />
      <Typography variant="subtitle2" component="h3">
        {t('hub.join.databaseSection')}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="p" sx={{ mt: '4px !important', lineHeight: 1.6 }}>
        {t('hub.join.databaseHint')}
      </Typography>
      <Stack direction="row" spacing={1.5}>
        <PasswordField label={t('firstRun.passphrase')} autoComplete="new-password" required {...field('passphrase')} />
        <PasswordField label={t('firstRun.passphraseConfirm')} autoComplete="new-password" required {...field('passphraseConfirm')} />
      </Stack>
    </FormDialog>
  );
}
