import { CheckCircleOutlined } from '@mui/icons-material';
import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ReturnsExportResult } from '../../../shared/contract/returns';

/** What was written and downloaded: each file with its SHA-256, and the recalls now marked returned. */
export function ExportResult({ result }: { result: ReturnsExportResult }) {
  const { t } = useTranslation();
  const rows = result.counts.activities + result.counts.promises + result.counts.plans + result.counts.recalls;
  return (
    <Box sx={{ px: 2 }}>
      <Alert severity="success" icon={<CheckCircleOutlined />} role="status" data-testid="returns-exported">
        <AlertTitle>{t('returns.done.title', { count: result.files.length })}</AlertTitle>
        {result.files.map((f, i) => (
          <Typography key={f.fileName} variant="body2" component="div" sx={{ wordBreak: 'break-all' }}>
            <strong>{f.fileName}</strong> — {i === 0 ? t('returns.done.rows', { count: rows }) : t('returns.done.daily')} ·{' '}
            <span data-testid={`returns-sha-${i}`} style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}>
              SHA-256 {f.sha256}
            </span>
          </Typography>
        ))}
        {result.recallsMarked > 0 && (
          <Typography variant="body2" component="div" sx={{ mt: 0.5 }}>
            {t('returns.done.recallsMarked', { count: result.recallsMarked })}
          </Typography>
        )}
        <Typography variant="body2" color="textSecondary" component="div" sx={{ mt: 0.5 }}>
          {t('returns.done.same')}
        </Typography>
      </Alert>
    </Box>
  );
}
