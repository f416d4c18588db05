import { FolderOpenOutlined } from '@mui/icons-material';
import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { failureText, showsMessage, type Failure } from './intakeText';

interface Props {
  error: Failure;
  /** the title: the whole import failed, or only reading the file for the preview */
  during: 'import' | 'preview' | 'choose';
  onChooseAnother(): void;
}

/** A file refused whole: a sentence a lead understands, the importer's own message (in English), and that nothing was imported. */
export function FailurePanel({ error, during, onChooseAnother }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <Alert severity="error" role="alert" sx={{ mb: 1.5 }}>
        <AlertTitle>{t(`intake.failure.title.${during}`)}</AlertTitle>
        <span data-testid="import-failure">{during === 'choose' ? failureText(t, error) : t('intake.failure.withNothing', { reason: failureText(t, error) })}</span>
        {error.message && showsMessage(i18n.language) ? (
          <Typography variant="caption" component="div" className="mono" sx={{ mt: 0.75, opacity: 0.85 }}>
            {t('intake.failure.detail', { message: error.message })}
          </Typography>
        ) : (
          typeof error.details.file === 'string' && (
            <Typography variant="caption" component="div" sx={{ mt: 0.75, opacity: 0.85 }}>
              {t('intake.failure.file', { file: error.details.file })}
            </Typography>
          )
        )}
      </Alert>
      <Button variant="contained" startIcon={<FolderOpenOutlined />} onClick={onChooseAnother}>
        {t('intake.chooseAnother')}
      </Button>
    </Box>
  );
}
