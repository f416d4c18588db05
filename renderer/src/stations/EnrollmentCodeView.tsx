import { ContentCopyOutlined } from '@mui/icons-material';
import { Box, Button, Stack, Typography } from '@mui/material';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';
import { useNotify } from '../components/Notifier';
import { formatDateTime } from '../format';

/** The code's groups per row. */
const ROW = 4;

/**
 * A one-time enrollment code, shown once: its groups large in monospace (to type on the new computer) and as a QR
 * code (to scan), when it expires, and the hub address and fingerprint the new computer needs with it.
 */
export function EnrollmentCodeView({ code, expiresAt, users, hubUrl, fingerprint }: { code: string; expiresAt: string; users: string; hubUrl: string; fingerprint: string }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(code, { errorCorrectionLevel: 'M', margin: 1, width: 200 }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [code]);
  const groups = code.split('-');

  async function copy() {
    await navigator.clipboard.writeText(code).then(() => notify(t('stations.enroll.copied'))).catch(() => undefined);
  }

  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="textSecondary">
        {t('stations.enroll.codeIntro')}
      </Typography>
      <Stack direction="row" spacing={3} sx={{ alignItems: 'center' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Box
            data-testid="enrollment-code"
            className="mono"
            sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', rowGap: 1, fontSize: 26, fontWeight: 600, letterSpacing: '0.06em', lineHeight: 1.2 }}
          >
            {groups.map((g, i) => (
              <Box component="span" key={i} sx={{ display: 'inline-flex', alignItems: 'center' }}>
                {/* two rows of four groups; the hyphen that would start the second row stays in the text only */}
                {i > 0 && (
                  <Box component="span" aria-hidden sx={{ color: 'text.disabled', px: 0.5, display: i === ROW ? 'none' : undefined }}>
                    -
                  </Box>
                )}
                <Box component="span" data-testid="code-group" sx={{ px: 1, py: 0.5, borderRadius: 1, bgcolor: 'action.hover' }}>
                  {g}
                </Box>
              </Box>
            )).flatMap((el, i) => (i === ROW ? [<Box key="row" component="span" sx={{ flexBasis: '100%', height: 0 }} />, el] : [el]))}
          </Box>
          <Typography variant="body2" sx={{ mt: 1.5 }}>
            {users}
          </Typography>
          <Typography variant="body2" color="textSecondary" data-testid="code-expires">
            {t('stations.enroll.expires', { time: formatDateTime(expiresAt, prefs.language) })}
          </Typography>
          <Button size="small" startIcon={<ContentCopyOutlined />} onClick={() => void copy()} sx={{ mt: 1, ml: -0.5 }}>
            {t('stations.enroll.copy')}
          </Button>
        </Box>
        <Box sx={{ flex: 'none', width: 200, height: 200, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fff' }}>
          {qr && <img src={qr} width={198} height={198} alt={t('stations.enroll.qrLabel')} />}
        </Box>
      </Stack>
      <Box sx={{ px: 1.5, py: 1, bgcolor: 'action.hover', borderRadius: 1 }}>
        <Typography variant="caption" color="textSecondary" component="p">
          {t('stations.enroll.hubHint', { url: hubUrl })}
        </Typography>
        <Typography variant="caption" className="mono" component="p" sx={{ wordBreak: 'break-all' }}>
          {fingerprint}
        </Typography>
      </Box>
    </Stack>
  );
}
