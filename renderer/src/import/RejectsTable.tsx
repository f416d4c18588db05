import { FileDownloadOutlined } from '@mui/icons-material';
import { Button, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rejection } from '../../../shared/contract/intake';
import { useNotify } from '../components/Notifier';
import { baseName, downloadXlsx, type SheetData } from './exportRejects';
import { fieldLabel, showsMessage } from './intakeText';

const reason = (t: TFunction, code: string): string => t(`intake.reason.${code}`, { defaultValue: code });

/** The rejected rows exactly as the table shows them, for the spreadsheet. */
export function rejectsSheet(t: TFunction, rows: Rejection[], language: string): SheetData {
  const message = showsMessage(language);
  return {
    sheetName: t('intake.rejects.sheetName'),
    headers: [t('intake.rejects.row'), t('intake.field.caseNo'), t('intake.rejects.field'), t('intake.rejects.reason'), ...(message ? [t('intake.rejects.message')] : [])],
    rows: rows.map((r) => [r.row, r.caseNo, fieldLabel(t, r.field), reason(t, r.code), ...(message ? [r.message] : [])]),
  };
}

/** Rejected rows: spreadsheet row, case number, field, the reason in words and the importer's message. */
export function RejectsTable({ rows, maxHeight = 360 }: { rows: Rejection[]; maxHeight?: number }) {
  const { t, i18n } = useTranslation();
  const message = showsMessage(i18n.language);
  const absent = <span aria-label={t('common.absent')}>—</span>;
  return (
    <TableContainer sx={{ maxHeight, borderTop: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Table stickyHeader aria-label={t('intake.rejects.tableLabel')}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ textAlign: 'right', width: 64 }}>{t('intake.rejects.row')}</TableCell>
            <TableCell>{t('intake.field.caseNo')}</TableCell>
            <TableCell>{t('intake.rejects.field')}</TableCell>
            <TableCell>{t('intake.rejects.reason')}</TableCell>
            {message && <TableCell>{t('intake.rejects.message')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={`${r.row}-${i}`} hover>
              <TableCell sx={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{r.row}</TableCell>
              <TableCell className="mono" sx={{ whiteSpace: 'nowrap' }}>
                {r.caseNo || absent}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{fieldLabel(t, r.field)}</TableCell>
              <TableCell sx={{ color: 'error.main' }}>{reason(t, r.code)}</TableCell>
              {message && (
                <TableCell>
                  <Typography variant="caption" color="textSecondary" className="mono" sx={{ wordBreak: 'break-word' }}>
                    {r.message}
                  </Typography>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** “Export to Excel”: writes the rejected rows as shown to an .xlsx the browser downloads. */
export function ExportRejectsButton({ rows, file }: { rows: Rejection[]; file: string }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      await downloadXlsx(rejectsSheet(t, rows, i18n.language), t('intake.rejects.fileName', { file: baseName(file) }));
    } catch {
      notify(t('intake.rejects.exportFailed'), 'error');
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button variant="outlined" startIcon={<FileDownloadOutlined />} onClick={() => void run()} disabled={busy || rows.length === 0}>
      {t('intake.rejects.export')}
    </Button>
  );
}
