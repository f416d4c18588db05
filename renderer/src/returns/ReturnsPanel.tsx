import { EventNoteOutlined } from '@mui/icons-material';
import { Alert, Box, Divider, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnsClients } from '../../../shared/contract/returns';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';
import { EmptyState } from '../components/EmptyState';
import { ExportResult } from './ExportResult';
import { PeriodPicker } from './PeriodPicker';
import { presetPeriod, type Period } from './periods';
import { PreviewSummary } from './PreviewSummary';
import { SampleTable } from './SampleTable';
import { useReturnsFlow } from './useReturnsFlow';

/** The choice kept while the screen is closed and reopened. */
let lastChoice: { clientCode: string; period: Period } | null = null;

/** One returns run: client and period → preview (counts, first rows, daily report) → export and download. */
export function ReturnsPanel({ data, onExported }: { data: ReturnsClients; onExported(): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const { flow, preview, exportFiles, reset } = useReturnsFlow(onExported);
  const first = data.clients.find((c) => c.format) ?? data.clients[0];
  const [clientCode, setClientCode] = useState(lastChoice?.clientCode ?? first?.code ?? '');
  const [period, setPeriod] = useState<Period>(lastChoice?.period ?? presetPeriod('yesterday', data.today));
  useEffect(() => {
    lastChoice = { clientCode, period };
  }, [clientCode, period]);

  if (data.clients.length === 0) return <Alert severity="info" sx={{ mb: 2 }}>{t('returns.noClients')}</Alert>;
  const client = data.clients.find((c) => c.code === clientCode);
  const change = (next: { clientCode?: string; period?: Period }) => {
    if (next.clientCode !== undefined) setClientCode(next.clientCode);
    if (next.period) setPeriod(next.period);
    reset();
  };
  const shown = 'preview' in flow ? flow.preview : null;

  let body;
  if (client && !client.format) body = <Alert severity="warning" sx={{ mx: 2, mb: 2 }}>{t('returns.noTemplate', { name: client.name })}</Alert>;
  else if (flow.step === 'idle') body = <EmptyState icon={<EventNoteOutlined />} title={t('returns.idle.title')} description={t('returns.idle.body')} />;
  else if (flow.step === 'previewing') {
    body = (
      <Typography variant="body2" color="textSecondary" sx={{ px: 2, py: 3 }}>
        {t('returns.previewing')}
      </Typography>
    );
  } else {
    body = (
      <Stack spacing={1.5} sx={{ pb: 2 }}>
        {flow.step === 'failed' && (
          <Alert severity="error" sx={{ mx: 2 }} role="alert">
            {t(`returns.failed.${flow.during}`)} {errorText(flow.error, t, prefs.language)}
          </Alert>
        )}
        {flow.step === 'exported' && <ExportResult result={flow.result} />}
        {shown && <PreviewSummary preview={shown} exporting={flow.step === 'exporting'} exported={flow.step === 'exported'} onExport={() => void exportFiles(flow.period, shown)} />}
        {shown && shown.rows.length === 0 && <Typography variant="body2" color="textSecondary" sx={{ px: 2 }}>{t('returns.sample.empty')}</Typography>}
        {shown && shown.rows.length > 0 && (
          <Box>
            <Typography variant="subtitle2" sx={{ px: 2, pb: 1 }}>
              {t('returns.sample.title', { count: shown.rows.length })}
            </Typography>
            <SampleTable headers={shown.headers} rows={shown.rows} label={t('returns.sample.tableLabel')} />
          </Box>
        )}
        {shown?.daily && (
          <Box>
            <Typography variant="subtitle2" sx={{ px: 2, pb: 1 }}>
              {t('returns.daily.title')}
            </Typography>
            <SampleTable headers={shown.daily.headers} rows={shown.daily.rows} label={t('returns.daily.tableLabel')} maxHeight={300} totalRow />
          </Box>
        )}
      </Stack>
    );
  }

  return (
    <Paper variant="outlined" component="section" aria-label={t('returns.panelLabel')} sx={{ overflow: 'hidden', mb: 2 }}>
      <Box sx={{ px: 2, pt: 2, pb: 1.5 }}>
        <PeriodPicker
          clients={data.clients}
          today={data.today}
          clientCode={clientCode}
          period={period}
          busy={flow.step === 'previewing' || flow.step === 'exporting'}
          onClient={(code) => change({ clientCode: code })}
          onPeriod={(p) => change({ period: p })}
          onPreview={() => void preview({ clientCode, ...period })}
        />
      </Box>
      <Box sx={{ height: 2 }}>{(flow.step === 'previewing' || flow.step === 'exporting') && <LinearProgress sx={{ height: 2 }} />}</Box>
      <Divider />
      <Box sx={{ pt: 1.5 }}>{body}</Box>
    </Paper>
  );
}
