import { MoreVert } from '@mui/icons-material';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Menu, MenuItem, TextField, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_STATUSES } from '../../../../shared/contract/workbench';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { useNotify } from '../../components/Notifier';
import type { Contact } from './ContactsTab';

type Status = (typeof CONTACT_STATUSES)[number];

/**
 * Per contact: mark the number wrong / disconnected / a person who refuses contact (never called again: CN-3P, US-C),
 * or valid again. A refusal is confirmed in a dialog with an optional reason (audited); lifting one is a lead's.
 */
export function ContactStatusMenu({ caseId, contact, onDone }: { caseId: string; contact: Contact; onDone(): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [confirming, setConfirming] = useState<Status | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const who = t(`wb.relations.${contact.relation}`, { defaultValue: contact.relation });

  async function apply(status: Status, why?: string) {
    setBusy(true);
    setError(null);
    try {
      await api.call('contact.setStatus', { caseId, contactId: contact.id, status, ...(why ? { reason: why } : {}) });
      notify(t('wb.contactEdit.marked', { who, status: t(`wb.contactStatus.${status}`) }));
      setConfirming(null);
      onDone();
    } catch (err) {
      const text = errorText(err, t, prefs.language);
      if (confirming) setError(text);
      else notify(text);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Tooltip title={t('wb.contactEdit.menu')}>
        <IconButton aria-label={t('wb.contactEdit.menuFor', { who })} aria-haspopup="menu" onClick={(e) => setAnchor(e.currentTarget)} size="small">
          <MoreVert fontSize="small" />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {CONTACT_STATUSES.map((s) => (
          <MenuItem
            key={s}
            disabled={s === contact.status || busy}
            onClick={() => {
              setAnchor(null);
              if (s === 'refuses_contact') {
                setReason('');
                setError(null);
                setConfirming(s);
              } else void apply(s);
            }}
          >
            {t(`wb.contactEdit.to.${s}`)}
          </MenuItem>
        ))}
      </Menu>
      <Dialog open={confirming !== null} onClose={() => !busy && setConfirming(null)} aria-labelledby="refuse-title" maxWidth="sm">
        <DialogTitle id="refuse-title">{t('wb.contactEdit.refuseTitle', { who })}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {t('wb.contactEdit.refuseEffect')}
          </Alert>
          <TextField label={t('wb.flagMenu.reason')} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} fullWidth slotProps={{ htmlInput: { maxLength: 500 } }} />
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(null)} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="contained" color="warning" disabled={busy} onClick={() => void apply('refuses_contact', reason.trim() || undefined)}>
            {t('wb.contactEdit.refuseConfirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
