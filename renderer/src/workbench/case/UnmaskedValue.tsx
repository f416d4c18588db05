import { VisibilityOffOutlined, VisibilityOutlined } from '@mui/icons-material';
import { Box, CircularProgress, IconButton, Tooltip } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { useNotify } from '../../components/Notifier';

const SHOW_MS = 10_000;

interface Props {
  caseId: string;
  field: 'debtorName' | 'idNumber' | 'mobile' | 'contactPhone' | 'address';
  contactId?: string;
  masked: string | null;
  /** what the eye button says to a screen reader, e.g. "show the full phone number" */
  label: string;
  disabled?: boolean;
}

/**
 * A masked value with an eye button: a deliberate click asks case.unmask (audited) and shows the value for ten
 * seconds, then masks it again.
 */
export function UnmaskedValue({ caseId, field, contactId, masked, label, disabled }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (value === null) return;
    const timer = window.setTimeout(() => setValue(null), SHOW_MS);
    return () => window.clearTimeout(timer);
  }, [value]);

  async function reveal() {
    if (value !== null) {
      setValue(null);
      return;
    }
    setBusy(true);
    try {
      const r = await api.call('case.unmask', { caseId, field, ...(contactId ? { contactId } : {}) });
      setValue(r.value ?? t('common.absent'));
    } catch (err) {
      notify(errorText(err, t, prefs.language), 'error');
    } finally {
      setBusy(false);
    }
  }

  if (masked === null) return <span>{t('common.absent')}</span>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25, whiteSpace: 'nowrap' }}>
      <Box component="span" data-unmasked={value !== null ? 'true' : undefined} sx={{ fontVariantNumeric: 'tabular-nums', bgcolor: value !== null ? 'warning.light' : undefined, px: value !== null ? 0.5 : 0, borderRadius: 0.5 }}>
        {value ?? masked}
      </Box>
      <Tooltip title={value !== null ? t('wb.unmask.hide') : t('wb.unmask.tooltip')}>
        <span>
          <IconButton aria-label={value !== null ? t('wb.unmask.hide') : label} onClick={() => void reveal()} disabled={disabled || busy} sx={{ p: 0.25 }}>
            {busy ? <CircularProgress size={14} /> : value !== null ? <VisibilityOffOutlined sx={{ fontSize: 16 }} /> : <VisibilityOutlined sx={{ fontSize: 16 }} />}
          </IconButton>
        </span>
      </Tooltip>
    </Box>
  );
}
