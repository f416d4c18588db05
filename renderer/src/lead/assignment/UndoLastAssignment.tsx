import { UndoOutlined } from '@mui/icons-material';
import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { formatDateTime } from '../../format';
import { formatCount } from '../figures';

/** The last assignment, while nothing has happened to it, with a button that puts its cases back where they were. */
export function UndoLastAssignment({ generation, onUndone }: { generation: number; onUndone(restored: number): void }) {
  const { t, i18n } = useTranslation();
  const { prefs } = useApp();
  const last = useLoad(`last|${generation}`, () => api.call('assign.last', {}));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const op = last.value;
  if (!op) return null;
  async function undo() {
    if (!op) return;
    setBusy(true);
    setError(null);
    try {
      onUndone((await api.call('assign.undo', { opId: op.opId })).restored);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const n = (v: number) => formatCount(v, i18n.language);
  return (
    <Alert
      severity={error ? 'error' : 'info'}
      variant="outlined"
      aria-label={t('lead.assign.undo')}
      sx={{ mb: 2, alignItems: 'center' }}
      action={
        <Button color="inherit" startIcon={<UndoOutlined />} onClick={() => void undo()} disabled={busy}>
          {busy ? t('lead.assign.undoing') : t('lead.assign.undo')}
        </Button>
      }
    >
      {t('lead.assign.lastTitle', { cases: n(op.cases), by: op.by, at: formatDateTime(op.at, prefs.language) })}
      {op.reassigned > 0 && t('lead.assign.lastReassigned', { n: n(op.reassigned) })}
      {error !== null && ` ${errorText(error, t, prefs.language)}`}
    </Alert>
  );
}
