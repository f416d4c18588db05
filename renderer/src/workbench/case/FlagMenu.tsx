import { FlagOutlined } from '@mui/icons-material';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Menu, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFlag } from '../../../../shared/compliance/types';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { useNotify } from '../../components/Notifier';

/** The flags a collector may raise (clearing one is a lead's decision). */
export const RAISABLE: CaseFlag[] = ['dispute', 'complaint', 'deceased', 'bankruptcy', 'lawyer', 'cease_communication', 'vulnerable'];

/** "Raise a flag" menu → a confirm dialog (with an optional reason) → case.setFlag, audited. */
export function FlagMenu({ caseId, flags, onDone }: { caseId: string; flags: string[]; onDone(): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [flag, setFlag] = useState<CaseFlag | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    if (!flag) return;
    setBusy(true);
    setError(null);
    try {
      await api.call('case.setFlag', { caseId, flag, on: true, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      notify(t('wb.flagMenu.raised', { flag: t(`wb.flags.${flag}`) }));
      setFlag(null);
      onDone();
    } catch (err) {
      setError(errorText(err, t, prefs.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="outlined" color="inherit" startIcon={<FlagOutlined />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
        {t('wb.flagMenu.button')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {RAISABLE.map((f) => (
          <MenuItem
            key={f}
            disabled={flags.includes(f)}
            onClick={() => {
              setAnchor(null);
              setReason('');
              setError(null);
              setFlag(f);
            }}
          >
            {t(`wb.flags.${f}`)}
          </MenuItem>
        ))}
      </Menu>
      <Dialog open={flag !== null} onClose={() => !busy && setFlag(null)} aria-labelledby="flag-title" maxWidth="sm">
        <DialogTitle id="flag-title">{flag && t('wb.flagMenu.confirmTitle', { flag: t(`wb.flags.${flag}`) })}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {flag && t(`wb.flagMenu.effect.${flag}`)}
          </Alert>
          <TextField label={t('wb.flagMenu.reason')} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} slotProps={{ htmlInput: { maxLength: 500 } }} />
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setFlag(null)} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="contained" color="warning" onClick={() => void confirm()} disabled={busy}>
            {t('wb.flagMenu.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
