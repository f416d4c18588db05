import { CallSplitOutlined, CheckCircleOutlined, FolderOpenOutlined } from '@mui/icons-material';
import { Alert, AlertTitle, Box, Button, Stack, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../shared/contract/intake';
import { useApp } from '../app/AppContext';
import { ExportRejectsButton, RejectsTable } from './RejectsTable';
import type { BatchToAssign } from '../lead/assignment/assignForm';

type Count = 'rows' | 'accepted' | 'inserted' | 'updated' | 'unchanged' | 'rejected';
const COUNTS: Count[] = ['rows', 'accepted', 'inserted', 'updated', 'unchanged', 'rejected'];

function Tile({ name, value, language }: { name: Count; value: number; language: string }) {
  const { t } = useTranslation();
  const bad = name === 'rejected' && value > 0;
  return (
    <Box sx={{ px: 1.75, py: 1, minWidth: 96, border: 1, borderRadius: 1, borderColor: bad ? 'error.light' : 'divider', bgcolor: (th) => (bad ? alpha(th.palette.error.main, 0.06) : th.palette.background.paper) }}>
      <Typography variant="caption" color="textSecondary" component="div">
        {t(`intake.summary.${name}`)}
      </Typography>
      <Typography variant="h6" component="div" data-testid={`summary-${name}`} sx={{ fontVariantNumeric: 'tabular-nums', color: bad ? 'error.main' : 'text.primary', lineHeight: 1.4 }}>
        {new Intl.NumberFormat(language).format(value)}
      </Typography>
    </Box>
  );
}

/** What an import did: the counts, and the rejected rows with their export. */
export function SummaryPanel({ summary, onNext, onAssign }: { summary: ImportSummary; onNext(): void; onAssign(batch: BatchToAssign): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const counts: Record<Count, number> = { ...summary, rejected: summary.rejected.length };
  const rejected = summary.rejected.length;
  return (
    <Stack spacing={1.5} sx={{ pb: 2 }}>
      <Box sx={{ px: 2 }}>
        <Alert severity={rejected > 0 ? 'warning' : 'success'} icon={<CheckCircleOutlined />} role="status">
          <AlertTitle>{t('intake.summary.title', { file: summary.file })}</AlertTitle>
          {rejected > 0 ? t('intake.summary.bodyRejected', { count: rejected, accepted: summary.accepted }) : t('intake.summary.bodyAll', { count: summary.accepted })}
        </Alert>
      </Box>
      <Stack direction="row" spacing={1} sx={{ px: 2, flexWrap: 'wrap', rowGap: 1 }}>
        {COUNTS.map((c) => (
          <Tile key={c} name={c} value={counts[c]} language={prefs.language} />
        ))}
      </Stack>
      {rejected > 0 && (
        <>
          <Stack direction="row" spacing={1} sx={{ px: 2, pt: 0.5, alignItems: 'center' }}>
            <Typography variant="subtitle2" sx={{ flex: 1 }}>
              {t('intake.rejects.title', { count: rejected })}
            </Typography>
            <ExportRejectsButton rows={summary.rejected} file={summary.file} />
          </Stack>
          <RejectsTable rows={summary.rejected} />
        </>
      )}
      <Stack direction="row" spacing={1} sx={{ px: 2 }}>
        {summary.kind === 'placement' && summary.inserted > 0 && summary.batchId && (
          <Button variant="contained" startIcon={<CallSplitOutlined />} onClick={() => onAssign({ clientCode: summary.client, batchId: summary.batchId as string })}>
            {t('intake.assignBatch', { n: summary.inserted.toLocaleString(prefs.language) })}
          </Button>
        )}
        <Button variant={summary.kind === 'placement' && summary.inserted > 0 ? 'outlined' : 'contained'} startIcon={<FolderOpenOutlined />} onClick={onNext}>
          {t('intake.next')}
        </Button>
      </Stack>
    </Stack>
  );
}
