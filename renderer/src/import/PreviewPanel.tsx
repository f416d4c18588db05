import { FileUploadOutlined, FolderOpenOutlined, WarningAmberOutlined } from '@mui/icons-material';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/contract/intake';
import { useApp } from '../app/AppContext';
import { formatDateTime } from '../format';
import { ImportProgress } from './ImportProgress';
import { PreviewTable } from './PreviewTable';

interface Props {
  preview: ImportPreview;
  /** the import of this file is running: rows read so far */
  running: { rows: number } | null;
  onImport(extra: { batchNo?: string; hand?: number }): void;
  onChooseAnother(): void;
}

const HAND = /^\d{1,2}$/;

/** The preview of a chosen file, the optional batch number and hand (placement), and the way on: import or another file. */
export function PreviewPanel({ preview, running, onImport, onChooseAnother }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [batchNo, setBatchNo] = useState('');
  const [hand, setHand] = useState('');
  const problems = preview.rows.filter((r) => r.problem).length;
  const placement = preview.kind === 'placement';
  const handValid = hand.trim() === '' || (HAND.test(hand.trim()) && Number(hand) >= 1);

  function submit() {
    if (!handValid) return;
    onImport({
      ...(placement && batchNo.trim() ? { batchNo: batchNo.trim() } : {}),
      ...(placement && hand.trim() ? { hand: Number(hand.trim()) } : {}),
    });
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
            <TextField label={t('intake.batchNo')} disabled={running !== null} value={batchNo} onChange={(e) => setBatchNo(e.target.value)} sx={{ width: 220, flexShrink: 0 }} slotProps={{ htmlInput: { maxLength: 64 } }} />
            <TextField
              label={t('intake.hand')}
              value={hand}
              onChange={(e) => setHand(e.target.value)}
              error={!handValid}
              disabled={running !== null}
              helperText={handValid ? undefined : t('intake.handInvalid')}
              sx={{ width: 150, flexShrink: 0 }}
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 2 } }}
            />
            <Typography variant="caption" color="textSecondary" sx={{ pt: 0.5, lineHeight: 1.6 }}>
              {t('intake.batchHelp')}
            </Typography>
          </Stack>
        )}
        {running && <ImportProgress rows={running.rows} />}
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
