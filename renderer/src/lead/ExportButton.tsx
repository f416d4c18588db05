import { FileDownloadOutlined } from '@mui/icons-material';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../components/Notifier';
import { downloadXlsx, safeFileName, type SheetData } from '../export/xlsx';

interface Props {
  /** the table as shown (it may fetch every page first) */
  sheet(): SheetData | Promise<SheetData>;
  /** without “.xlsx” */
  fileName: string;
  disabled?: boolean;
}

/** “Export to Excel”: the table as shown, to an .xlsx the browser downloads. */
export function ExportButton({ sheet, fileName, disabled }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      await downloadXlsx(await sheet(), `${safeFileName(fileName)}.xlsx`);
    } catch {
      notify(t('lead.export.failed'), 'error');
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button variant="outlined" startIcon={<FileDownloadOutlined />} onClick={() => void run()} disabled={busy || disabled}>
      {busy ? t('lead.export.busy') : t('lead.export.label')}
    </Button>
  );
}
