import { FileUploadOutlined, FolderOpenOutlined, WarningAmberOutlined } from '@mui/icons-material';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/contract/intake';
import { useApp } from '../app/AppContext';
import { formatDateTime } from '../format';
import { formatDay } from '../workbench/dates';
import { ImportProgress } from './ImportProgress';
import { fieldLabel } from './intakeText';
import { PreviewTable } from './PreviewTable';

interface Props {
  preview: ImportPreview;
  /** the import of this file is running: rows read so far, and whether it was asked to stop */
  running: { rows: number; cancelling: boolean } | null;
  onImport(extra: { batchNo?: string; hand?: number }): void;
  /** stops the running import; absent until it has started */
  onCancel?: () => void;
  onChooseAnother(): void;
}

const HAND = /^\d{1,2}$/;
const OUTCOMES = ['inserted', 'updated', 'adjusted', 'unchanged'] as const;

/** The preview of a chosen file, the optional batch number and hand (placement), and the way on: import or another file. */
export function PreviewPanel({ preview, running, onImport, onCancel, onChooseAnother }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [batchNo, setBatchNo] = useState('');
  const [hand, setHand] = useState('');
  const problems = preview.rows.filter((r) => r.problem).length;
  // Columns the profile maps that the file lacks (a renamed header): their fields stay empty, so the lead is told.
  const missing = preview.headerRow === 0 ? [] : preview.columns.filter((c) => c.header === null);
  const placement = preview.kind === 'placement';
  // The batch number and hand the file gives are the batch's: the fields only fill what it leaves out.
  const batch = placement ? preview.batch : null;
  const fileBatchNo = batch?.batchNo ?? null;
  const fileHand = batch?.hand ?? null;
  const handValid = fileHand !== null || hand.trim() === '' || (HAND.test(hand.trim()) && Number(hand) >= 1);
  const outcomes = OUTCOMES.map((o) => ({ o, n: preview.rows.filter((r) => !r.problem && r.outcome === o).length })).filter((c) => c.n > 0);

  function submit() {
    if (!handValid) return;
    onImport({
      ...(placement && fileBatchNo === null && batchNo.trim() ? { batchNo: batchNo.trim() } : {}),
      ...(placement && fileHand === null && hand.trim() ? { hand: Number(hand.trim()) } : {}),
    });
  }

  function handHelp(): string | undefined {
    if (!handValid) return t('intake.handInvalid');
    if (fileHand !== null) return t('intake.fromFile');
    return batch?.defaultHand != null ? t('intake.handDefault', { hand: batch.defaultHand }) : undefined;
  }

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', px: 2 }}>
        <Typography variant="subtitle2">{t('intake.preview.title')}</Typography>
        <Typography variant="body2" color="textSecondary">
          {preview.rows.length === 0
            ? t('intake.preview.headerOnly', { header: preview.headerRow })
            : preview.headerRow === 0
              ? t('intake.preview.summaryNoHeader', { count: preview.rows.length })
              : t('intake.preview.summary', { header: preview.headerRow, count: preview.rows.length })}
        </Typography>
        {outcomes.length > 0 && (
          <Typography variant="body2" data-testid="preview-outcomes">
            {outcomes.map((c) => t('intake.preview.outcomeCount', { label: t(`intake.outcome.${preview.kind}.${c.o}`), n: c.n })).join(' · ')}
          </Typography>
        )}
        {problems > 0 && (
          <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: 'error.main' }}>
            <WarningAmberOutlined sx={{ fontSize: 16 }} />
            <Typography variant="body2">{t('intake.preview.problems', { count: problems })}</Typography>
          </Stack>
        )}
      </Stack>
      {preview.fileValues.length > 0 && (
        <Typography variant="body2" data-testid="file-values" sx={{ px: 2 }}>
          <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
            {t('intake.preview.fileValues')}
          </Box>
          {preview.fileValues.map((v, i) => (
            <Box component="span" key={v.field} sx={{ mr: 1.5, whiteSpace: 'nowrap' }}>
              {i > 0 && <Box component="span" sx={{ color: 'text.disabled', mr: 1.5 }}>·</Box>}
              {t(`intake.field.${v.field}`)} <strong>{v.value}</strong>
              <Box component="span" sx={{ color: 'text.secondary' }}>{t('intake.preview.from', { source: t(`intake.preview.origin.${v.from}`) })}</Box>
            </Box>
          ))}
        </Typography>
      )}
      {preview.sheets && preview.sheets.others.length > 0 && (
        <Box sx={{ px: 2 }}>
          <Alert severity="info" data-testid="other-sheets">
            {t('intake.preview.otherSheets', { read: preview.sheets.read, others: preview.sheets.others.join(t('intake.listSeparator')) })}
          </Alert>
        </Box>
      )}
      {missing.length > 0 && (
        <Box sx={{ px: 2 }}>
          <Alert severity="info" data-testid="missing-columns">
            {t('intake.preview.missingColumns', {
              columns: missing.map((c) => t('intake.preview.missingColumn', { field: fieldLabel(t, c.field), expected: c.expected })).join(t('intake.listSeparator')),
            })}
          </Alert>
        </Box>
      )}
      {preview.alreadyImportedAt && (
        <Box sx={{ px: 2 }}>
          <Alert severity="warning" data-testid="already-imported">
            {t('intake.preview.alreadyImported', { at: formatDateTime(preview.alreadyImportedAt, prefs.language) })}
          </Alert>
        </Box>
      )}
      {preview.rows.length > 0 ? (
        <PreviewTable preview={preview} />
      ) : (
        <Box sx={{ px: 2 }}>
          <Alert severity="warning">{t('intake.preview.noRows')}</Alert>
        </Box>
      )}
      <Box sx={{ px: 2, pb: 2 }}>
        {placement && (
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start', mb: 1.5, maxWidth: 960 }}>
            <TextField
              label={t('intake.batchNo')}
              disabled={running !== null || fileBatchNo !== null}
              value={fileBatchNo ?? batchNo}
              onChange={(e) => setBatchNo(e.target.value)}
              helperText={fileBatchNo !== null ? t('intake.fromFile') : undefined}
              sx={{ width: 220, flexShrink: 0 }}
              slotProps={{ htmlInput: { maxLength: 64 } }}
            />
            <TextField
              label={t('intake.hand')}
              value={fileHand !== null ? String(fileHand) : hand}
              onChange={(e) => setHand(e.target.value)}
              error={!handValid}
              disabled={running !== null || fileHand !== null}
              helperText={handHelp()}
              sx={{ width: 190, flexShrink: 0 }}
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 2 } }}
            />
            <Stack spacing={0.5} sx={{ pt: 0.5 }}>
              {(batch?.placedAt || batch?.dueBackAt) && (
                <Typography variant="body2" data-testid="batch-term">
                  {t('intake.term', { from: batch.placedAt ? formatDay(batch.placedAt, prefs.language) : '—', to: batch.dueBackAt ? formatDay(batch.dueBackAt, prefs.language) : '—' })}
                </Typography>
              )}
              <Typography variant="caption" color="textSecondary" sx={{ lineHeight: 1.6 }}>
                {t('intake.batchHelp')}
              </Typography>
            </Stack>
          </Stack>
        )}
        {running && <ImportProgress rows={running.rows} cancelling={running.cancelling} onCancel={onCancel} />}
        <Stack direction="row" spacing={1}>
          <Button variant="contained" startIcon={<FileUploadOutlined />} onClick={submit} disabled={!handValid || running !== null || preview.alreadyImportedAt !== null}>
            {running ? t('intake.importing') : t('intake.import')}
          </Button>
          <Button variant="outlined" startIcon={<FolderOpenOutlined />} onClick={onChooseAnother} disabled={running !== null}>
            {t('intake.chooseAnother')}
          </Button>
        </Stack>
      </Box>
    </Stack>
  );
}
