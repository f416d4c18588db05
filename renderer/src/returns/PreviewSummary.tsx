import { DescriptionOutlined, FileDownloadOutlined } from '@mui/icons-material';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ReturnsPreview } from '../../../shared/contract/returns';
import { useApp } from '../app/AppContext';

type Kind = 'activities' | 'promises' | 'plans' | 'recalls';
const KINDS: Kind[] = ['activities', 'promises', 'plans', 'recalls'];

function Tile({ label, value, testId }: { label: string; value: number; testId: string }) {
  const { prefs } = useApp();
  return (
    <Box sx={{ px: 1.75, py: 1, minWidth: 96, border: 1, borderRadius: 1, borderColor: 'divider' }}>
      <Typography variant="caption" color="textSecondary" component="div">
        {label}
      </Typography>
      <Typography variant="h6" component="div" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums', lineHeight: 1.4 }}>
        {new Intl.NumberFormat(prefs.language).format(value)}
      </Typography>
    </Box>
  );
}

interface Props {
  preview: ReturnsPreview;
  exporting: boolean;
  /** the export ran: the recalls it marked are no longer pending */
  exported: boolean;
  onExport(): void;
}

/** What the export will write: the file and its template, counts by kind, what it marks and what it carries in full. */
export function PreviewSummary({ preview, exporting, exported, onExport }: Props) {
  const { t } = useTranslation();
  const template = preview.format === 'csv' ? t('returns.template.csv', { encoding: preview.encoding === 'gbk' ? 'GBK' : 'UTF-8' }) : t('returns.template.xlsx');
  let daily: string | null = null;
  if (preview.daily) daily = preview.dailyFileName ? t('returns.template.dailyFile', { file: preview.dailyFileName }) : t('returns.template.dailySheet');
  return (
    <Stack spacing={1.5} sx={{ px: 2 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <DescriptionOutlined color="action" />
        <Box sx={{ flex: 1, minWidth: 240 }}>
          <Typography variant="subtitle2" data-testid="returns-file-name" sx={{ wordBreak: 'break-all' }}>
            {preview.fileName}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {[template, daily].filter(Boolean).join(' · ')}
          </Typography>
        </Box>
        <Button variant="contained" startIcon={<FileDownloadOutlined />} onClick={onExport} disabled={exporting}>
          {exporting ? t('returns.exporting') : t('returns.export')}
        </Button>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        {KINDS.map((k) => (
          <Tile key={k} label={t(`returns.counts.${k}`)} value={preview.counts[k]} testId={`returns-count-${k}`} />
        ))}
        <Tile label={t('returns.counts.total')} value={preview.total} testId="returns-count-total" />
      </Stack>
      {!exported && preview.recallsPending > 0 && <Alert severity="info">{t('returns.recallsPending', { count: preview.recallsPending })}</Alert>}
      {preview.unmaskedColumns.length > 0 && <Alert severity="warning">{t('returns.unmasked', { columns: preview.unmaskedColumns.join(t('returns.listSeparator')) })}</Alert>}
    </Stack>
  );
}
