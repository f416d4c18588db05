import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, type DialogProps } from '@mui/material';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormDialogProps {
  open: boolean;
  title: ReactNode;
  submitLabel: string;
  busy: boolean;
  /** the sentence of the last failed try */
  error: string | null;
  onClose(): void;
  onSubmit(e: FormEvent): void;
  /** text above the fields */
  intro?: ReactNode;
  maxWidth?: DialogProps['maxWidth'];
  children: ReactNode;
}

/** A dialog holding one form: its title, the fields, the error of the last try, Cancel and the submit button. */
export function FormDialog({ open, title, submitLabel, busy, error, onClose, onSubmit, intro, maxWidth, children }: FormDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} maxWidth={maxWidth}>
      <form noValidate onSubmit={onSubmit}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          {intro}
          <Stack spacing={2} sx={{ pt: intro ? 0 : 1 }}>
            {children}
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
