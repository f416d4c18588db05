import { Alert, AlertTitle, Button, type SxProps, type Theme } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';
import { errorText } from '../app/errorText';

interface Props {
  error: unknown;
  /** what failed to load, said so that it never reads as "there is nothing" */
  title: string;
  onRetry(): void;
  sx?: SxProps<Theme>;
}

/** A read that failed (host down, internal error): says so, with a retry — never an empty list or a blank screen. */
export function LoadError({ error, title, onRetry, sx }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  return (
    <Alert
      severity="error"
      data-testid="load-error"
      sx={sx}
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {errorText(error, t, prefs.language)}
    </Alert>
  );
}
