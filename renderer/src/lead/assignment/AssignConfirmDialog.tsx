import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract/methods';
import { formatFen } from '../../../../shared/domain/money';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { formatCount } from '../figures';
import type { Filter } from './assignForm';
import { AssignMoves } from './AssignMoves';
import type { Preview } from './useAssignPreview';

export type AssignOutcome = MethodOutput<'assign.run'>;

interface Props {
  open: boolean;
  filter: Filter;
  preview: Preview | null;
  /** the chosen collectors' names, in order */
  names: string[];
  to: string[];
  /** a reassignment: the cases are someone's now */
  reassign: string | null;
  onClose(): void;
  onDone(outcome: AssignOutcome): void;
}

/** “Assign evenly”: says what will move to whom, then does it in one go. */
export function AssignConfirmDialog({ open, filter, preview, names, to, reassign, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const { prefs } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // what moves from whom to whom, asked again for the collectors chosen each time the dialog opens
  const [split, setSplit] = useState<Preview | null>(null);
  const key = open ? JSON.stringify({ ...filter, to }) : null;
  useEffect(() => {
    setSplit(null);
    if (key === null) return;
    let live = true;
    api
      .call('assign.preview', JSON.parse(key) as Filter)
      .then((p) => live && setSplit(p))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [key]);
  const moving = split !== null && split.held > 0;
  async function run() {
    setBusy(true);
    setError(null);
    try {
      onDone(await api.call('assign.run', { ...filter, to }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const close = () => {
    if (busy) return;
    setError(null);
    onClose();
  };
  const cases = formatCount(preview?.cases ?? 0, i18n.language);
  const amount = formatFen(preview?.balanceFen ?? 0);
  return (
    <Dialog open={open} onClose={close} maxWidth="sm" aria-labelledby="assign-confirm-title">
      <DialogTitle id="assign-confirm-title">{t('lead.assign.confirmTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ color: 'text.primary' }}>
          {t('lead.assign.confirmBody', { cases, amount, n: names.length, names: names.join(t('lead.listSeparator')) })}
        </DialogContentText>
        {reassign && (
          <Alert severity="info" sx={{ mt: 1.5 }}>
            {t('lead.assign.reassignNote', { name: reassign })}
          </Alert>
        )}
        {moving && <AssignMoves held={split.held} livePromises={split.livePromises} moves={split.moves} />}
        {error !== null && (
          <Alert severity="error" sx={{ mt: 1.5 }}>
            {errorText(error, t, prefs.language)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button variant="contained" color={moving ? 'warning' : 'primary'} onClick={() => void run()} disabled={busy || split === null}>
          {busy ? t('lead.assign.running') : moving ? t('lead.assign.confirmMove') : t('lead.assign.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
