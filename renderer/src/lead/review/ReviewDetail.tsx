import { GppBadOutlined, OpenInNew, VerifiedOutlined } from '@mui/icons-material';
import { Alert, Box, Button, Chip, Divider, Link, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewRow } from '../../../../shared/contract/review';
import { api, isApiError } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { HighlightedNote } from '../../components/screening/HighlightedNote';
import { categoryText } from '../../components/screening/screeningText';
import { formatDateTime } from '../../format';
import { ABSENT } from '../figures';
import { STATUS_COLOR } from './ReviewGrid';

const MIN_COMMENT = 2;

interface Props {
  row: ReviewRow;
  onOpenCase(caseId: string): void;
  onDecided(row: ReviewRow, decision: 'accept' | 'violation'): void;
}

/** One finding: the note with its words marked, who wrote it and why they saved it; accept, or a violation with a comment. */
export function ReviewDetail({ row, onOpenCase, onDecided }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setComment('');
    setTouched(false);
    setError(null);
  }, [row.id]);
  const tooShort = comment.trim().length < MIN_COMMENT;

  async function decide(decision: 'accept' | 'violation') {
    if (decision === 'violation') {
      setTouched(true);
      if (tooShort) return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.call('review.decide', { itemId: row.id, decision, comment: comment.trim() });
      onDecided(row, decision);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const fact = (label: string, value: React.ReactNode) => (
    <>
      <Typography variant="body2" color="textSecondary" sx={{ whiteSpace: 'nowrap' }}>
        {label}
      </Typography>
      <Box sx={{ minWidth: 0, fontSize: 14 }}>{value}</Box>
    </>
  );
  return (
    <Stack spacing={1.25} sx={{ p: 1.5 }} data-testid="review-detail">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Chip color={row.kind === 'block' ? 'error' : 'warning'} label={categoryText(t, row.category)} data-testid="review-category" sx={{ fontWeight: 600 }} />
        <Typography variant="body2" className="mono" color="textSecondary">
          {row.rule}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Chip size="small" color={STATUS_COLOR[row.status]} variant={row.status === 'open' ? 'outlined' : 'filled'} label={t(`lead.review.status.${row.status}`)} />
      </Stack>
      <Box sx={{ px: 1.25, py: 1, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.default' }}>
        <HighlightedNote text={row.notes} spans={[{ start: row.start, end: row.end, kind: row.kind, category: row.category }]} testId="review-note" />
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1.5, rowGap: 0.5, alignItems: 'baseline' }}>
        {fact(
          t('lead.review.col.caseNo'),
          <Link component="button" type="button" onClick={() => onOpenCase(row.caseId)} className="mono" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }} aria-label={t('lead.review.openCase', { caseNo: row.caseNo })}>
            {row.caseNo}
            <OpenInNew sx={{ fontSize: 14 }} />
          </Link>,
        )}
        {fact(t('lead.review.col.collector'), `${row.collector} · ${formatDateTime(row.startedAt, prefs.language)}`)}
        {fact(t('lead.review.reason'), row.reason ? <span data-testid="review-reason">{row.reason}</span> : ABSENT)}
        {fact(t('lead.review.foundBy'), t(`lead.review.found.${row.foundBy}`, { pack: row.pack }))}
        {row.status !== 'open' && fact(t('lead.review.decision'), `${row.decidedBy ?? ABSENT} · ${formatDateTime(row.decidedAt, prefs.language)}${row.comment ? ` — ${row.comment}` : ''}`)}
      </Box>
      {row.status === 'open' && (
        <>
          <Divider />
          <TextField
            label={t('lead.review.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            multiline
            minRows={2}
            error={touched && tooShort}
            helperText={touched && tooShort ? t('lead.review.commentRequired') : t('lead.review.commentHelp')}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
          {error !== null && (
            <Alert severity="error" role="alert">
              {isApiError(error) && error.code === 'conflict' ? t('lead.review.alreadyDecided') : errorText(error, t, prefs.language)}
            </Alert>
          )}
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
            <Button variant="outlined" color="success" startIcon={<VerifiedOutlined />} disabled={busy} onClick={() => void decide('accept')}>
              {t('lead.review.accept')}
            </Button>
            <Button variant="contained" color="error" startIcon={<GppBadOutlined />} disabled={busy} onClick={() => void decide('violation')}>
              {t('lead.review.violation')}
            </Button>
          </Stack>
        </>
      )}
    </Stack>
  );
}
