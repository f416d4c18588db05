import { FolderOpenOutlined } from '@mui/icons-material';
import { Alert, AlertTitle, Box, Button } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** An import stopped at the lead's request: nothing of it was written, and the file was let go. */
export function CancelledPanel({ onChooseAnother }: { onChooseAnother(): void }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <Alert severity="info" role="status" sx={{ mb: 1.5 }} data-testid="import-cancelled">
        <AlertTitle>{t('intake.cancelled.title')}</AlertTitle>
        {t('intake.cancelled.body')}
      </Alert>
      <Button variant="contained" startIcon={<FolderOpenOutlined />} onClick={onChooseAnother}>
        {t('intake.chooseAnother')}
      </Button>
    </Box>
  );
}
