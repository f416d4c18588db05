import { GppBadOutlined, PolicyOutlined, VerifiedUserOutlined } from '@mui/icons-material';
import { Alert, AlertTitle, Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerify } from '../../../shared/contract/schemas';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { formatDateTime } from '../format';
import { AuditLog } from './AuditLog';

/** Checks the hash chain of the audit log (audit.verify) and says plainly whether it is intact; the log itself below. */
export function AuditPanel() {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ verify: AuditVerify; at: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      setResult({ verify: await api.call('audit.verify', {}), at: new Date().toISOString() });
      setGeneration((g) => g + 1);
    } catch (err) {
      setError(errorText(err, t, prefs.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box>
      <Stack spacing={1.5} sx={{ px: 2, py: 1.5 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="body2" color="textSecondary" sx={{ lineHeight: 1.6, maxWidth: 860 }}>
            {t('audit.explain')}
          </Typography>
          <Button variant="contained" startIcon={<PolicyOutlined />} onClick={() => void verify()} disabled={busy} sx={{ flex: 'none' }}>
            {busy ? t('audit.verifying') : t('audit.verify')}
          </Button>
        </Stack>
        {error && <Alert severity="error">{error}</Alert>}
        {result && result.verify.intact && (
          <Alert severity="success" icon={<VerifiedUserOutlined />} role="status">
            <AlertTitle>{t('audit.intactTitle')}</AlertTitle>
            {t('audit.intactBody', { events: result.verify.events, at: formatDateTime(result.at, prefs.language) })}
            {result.verify.anchors.length > 0 && ` ${t('audit.anchors', { count: result.verify.anchors.length })}`}
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
      <AuditLog generation={generation} />
    </Box>
  );
}
