import { GppBadOutlined, PolicyOutlined, VerifiedUserOutlined } from '@mui/icons-material';
import { Alert, AlertTitle, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerify } from '../../../shared/contract/schemas';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { formatDateTime } from '../format';

/** Checks the hash chain of the audit log (audit.verify) and says plainly whether it is intact. */
export function AuditPanel() {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ verify: AuditVerify; at: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      setResult({ verify: await api.call('audit.verify', {}), at: new Date().toISOString() });
    } catch (err) {
      setError(errorText(err, t, prefs.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack spacing={2} sx={{ p: 2.5, maxWidth: 760 }}>
      <Typography variant="body2" color="textSecondary" sx={{ lineHeight: 1.7 }}>
        {t('audit.explain')}
      </Typography>
      <div>
        <Button variant="contained" startIcon={<PolicyOutlined />} onClick={() => void verify()} disabled={busy}>
          {busy ? t('audit.verifying') : t('audit.verify')}
        </Button>
      </div>
      {error && <Alert severity="error">{error}</Alert>}
      {result && result.verify.intact && (
        <Alert severity="success" icon={<VerifiedUserOutlined />} role="status">
          <AlertTitle>{t('audit.intactTitle')}</AlertTitle>
          {t('audit.intactBody', { events: result.verify.events, at: formatDateTime(result.at, prefs.language) })}
        </Alert>
      )}
      {result && !result.verify.intact && (
        <Alert severity="error" icon={<GppBadOutlined />} role="status">
          <AlertTitle>{t('audit.brokenTitle')}</AlertTitle>
          {t('audit.brokenBody', { seq: result.verify.firstBrokenSeq ?? '?', events: result.verify.events })}
          {result.verify.reason && (
            <Typography variant="caption" component="div" className="mono" sx={{ mt: 0.5 }}>
              {result.verify.reason}
            </Typography>
          )}
        </Alert>
      )}
    </Stack>
  );
}
