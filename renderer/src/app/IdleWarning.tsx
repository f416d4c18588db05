import { TimerOutlined } from '@mui/icons-material';
import { Alert, Snackbar } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** The warning before the idle lock: when it comes and how to stay (any input). */
export function IdleWarning({ seconds }: { seconds: number | null }) {
  const { t } = useTranslation();
  return (
    <Snackbar open={seconds !== null} anchorOrigin={{ vertical: 'top', horizontal: 'center' }} sx={{ top: { xs: 56 } }}>
      <Alert severity="warning" variant="filled" icon={<TimerOutlined />} data-testid="idle-warning" role="alert" sx={{ boxShadow: 4 }}>
        {seconds !== null && seconds >= 60 ? t('idle.warnMinute', { count: Math.round(seconds / 60) }) : t('idle.warnSeconds', { count: seconds ?? 0 })}
      </Alert>
    </Snackbar>
  );
}

/** Why the unlock or sign-in screen shows: the idle lock, after how long. */
export function IdleLockReason({ minutes }: { minutes: number | null }) {
  const { t } = useTranslation();
  if (minutes === null) return null;
  return (
    <Alert severity="info" icon={<TimerOutlined />} data-testid="idle-lock-reason" role="status">
      {t('idle.lockedAfter', { count: minutes })}
    </Alert>
  );
}
