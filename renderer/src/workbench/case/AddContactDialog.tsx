import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATIONS, type Relation } from '../../../../shared/domain/relations';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { useNotify } from '../../components/Notifier';

/** A number or a contact person learned on a call: relation, name, number → contact.add (source and author recorded). */
export function AddContactDialog({ caseId, open, onClose, onAdded }: { caseId: string; open: boolean; onClose(): void; onAdded(): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const [relation, setRelation] = useState<Relation>('other');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    if (busy) return;
    setRelation('other');
    setName('');
    setPhone('');
    setError(null);
    onClose();
  };
  async function save() {
    setBusy(true);
    setError(null);
    try {
      await api.call('contact.add', { caseId, relation, phone: phone.trim(), ...(name.trim() ? { name: name.trim() } : {}) });
      notify(t('wb.contactEdit.added'));
      setName('');
      setPhone('');
      onAdded();
    } catch (err) {
      setError(errorText(err, t, prefs.language));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog open={open} onClose={close} aria-labelledby="add-contact-title" maxWidth="xs" fullWidth>
      <DialogTitle id="add-contact-title">{t('wb.contactEdit.addTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 0.5 }}>
          <DialogContentText>{t('wb.contactEdit.addBody')}</DialogContentText>
          <TextField select label={t('wb.contacts.relation')} value={relation} onChange={(e) => setRelation(e.target.value as Relation)}>
            {RELATIONS.map((r) => (
              <MenuItem key={r} value={r}>
                {t(`wb.relations.${r}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField label={t('wb.contacts.name')} value={name} onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { maxLength: 40 } }} />
          <TextField required label={t('wb.contacts.phone')} value={phone} onChange={(e) => setPhone(e.target.value)} slotProps={{ htmlInput: { maxLength: 40, inputMode: 'tel' } }} />
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button variant="contained" disabled={busy || phone.trim().length < 3} onClick={() => void save()}>
          {t('wb.contactEdit.add')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
