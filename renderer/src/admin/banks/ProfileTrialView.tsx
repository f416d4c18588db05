import { Alert, Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ProfileTrial } from '../../../../shared/contract/banks';
import { PreviewTable } from '../../import/PreviewTable';
import { RejectsTable } from '../../import/RejectsTable';

/** A profile tried on a sample file: the first rows as mapped (masked), then every rejected row by row and field. */
export function ProfileTrialView({ trial, sample }: { trial: ProfileTrial; sample: string }) {
  const { t } = useTranslation();
  return (
    <Box data-testid="profile-trial" sx={{ display: 'grid', gap: 1.25 }}>
      <Alert severity={trial.rejects.length > 0 ? 'warning' : 'success'} role="status">
        <Box component="span" className="mono" sx={{ mr: 1 }}>{sample}</Box>
        {t('banks.trial.summary', { scanned: trial.scanned, rejects: trial.rejects.length })}
        {trial.truncated && ` ${t('banks.trial.truncated', { scanned: trial.scanned })}`}
      </Alert>
      <Typography variant="subtitle2" component="h3">{t('banks.trial.rowsTitle', { n: trial.preview.rows.length })}</Typography>
      <Box sx={{ maxHeight: 300, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <PreviewTable preview={trial.preview} />
      </Box>
      <Typography variant="subtitle2" component="h3">{t('banks.trial.rejectsTitle')}</Typography>
      {trial.rejects.length === 0 ? (
        <Typography variant="body2" color="textSecondary">{t('banks.trial.noRejects')}</Typography>
      ) : (
        <RejectsTable rows={trial.rejects} maxHeight={240} />
      )}
    </Box>
  );
}
