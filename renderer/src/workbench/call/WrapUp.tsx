import { ArrowForward, CheckCircleOutlined, PhoneOutlined } from '@mui/icons-material';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultCode } from '../../../../shared/compliance/types';
import { useApp } from '../../app/AppContext';
import { formatDateTime } from '../../format';

export interface WrapUpState {
  resultCode: ResultCode;
}

/** After a save: what was recorded and what comes next; the next case is one key away. */
export function WrapUp({ done, nextActionAt, nextCaseNo, onNext, onAnother }: { done: WrapUpState; nextActionAt: string | null; nextCaseNo: string | null; onNext?: () => void; onAnother(): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const next = useRef<HTMLButtonElement>(null);
  const another = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    (next.current ?? another.current)?.focus();
  }, []);
  return (
    <Alert severity="success" icon={<CheckCircleOutlined />} data-testid="wrap-up" sx={{ flexShrink: 0, '& .MuiAlert-message': { flex: 1 } }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {t('wb.wrapUp.saved', { result: t(`wb.results.${done.resultCode}`) })}
      </Typography>
      <Typography variant="body2" data-testid="wrap-up-next-action">
        {nextActionAt ? t('wb.wrapUp.nextAction', { at: formatDateTime(nextActionAt, prefs.language) }) : t('wb.wrapUp.noNextAction')}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        {onNext && nextCaseNo && (
          <Button ref={next} size="small" variant="contained" endIcon={<ArrowForward />} onClick={onNext}>
            {t('wb.wrapUp.nextCase', { caseNo: nextCaseNo })}
          </Button>
        )}
        <Button ref={another} size="small" startIcon={<PhoneOutlined />} onClick={onAnother}>
          {t('wb.wrapUp.another')}
        </Button>
      </Stack>
    </Alert>
  );
}
