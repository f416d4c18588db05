import { CircularProgress, InputAdornment, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerdictShape } from '../../../../shared/contract/workbench';
import { api } from '../../api/client';
import { HighlightedNote, type MarkedSpan } from '../../components/screening/HighlightedNote';
import { useDebounced } from '../useDebounced';
import { VerdictItem } from './VerdictList';

export interface NotesScreen {
  hits: VerdictShape[];
  pending: boolean;
}

interface Props {
  caseId: string;
  value: string;
  onChange(value: string): void;
  /** the blocks found in the notes (CN-P, CN-PAY…) and whether the latest text is still being screened */
  onScreen(state: NotesScreen): void;
  disabled: boolean;
}

/** The spans of every finding, for highlighting the words in the notes as typed. */
function spansOf(verdicts: readonly VerdictShape[]): MarkedSpan[] {
  return verdicts.flatMap((v) => (v.hits ?? []).map((h) => ({ start: h.start, end: h.end, kind: h.kind, category: h.category })));
}

/**
 * Free-text notes, screened live for prohibited conduct (notes.screen, after a short pause in typing): the words
 * that triggered a finding are shown marked under the field, each verdict with its category in words. A block
 * stops saving until rewritten; a warn lets the collector save with a reason (the activity then goes to review).
 */
export function NotesField({ caseId, value, onChange, onScreen, disabled }: Props) {
  const { t } = useTranslation();
  const settled = useDebounced(value, 350);
  const [verdicts, setVerdicts] = useState<VerdictShape[]>([]);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState('');

  useEffect(() => {
    let live = true;
    if (!settled.trim()) {
      setVerdicts([]);
      setChecked(settled);
      return;
    }
    setChecking(true);
    // The text as typed (not trimmed): the findings' offsets point into exactly what the field shows.
    api.call('notes.screen', { caseId, notes: settled }).then(
      (found) => {
        if (!live) return;
        setVerdicts(found.filter((v) => v.kind === 'block' || v.kind === 'warn'));
        setChecked(settled);
        setChecking(false);
      },
      () => {
        // The core screens the notes again when saving: a failed live check does not hold the form.
        if (!live) return;
        setChecking(false);
        setChecked(settled);
      },
    );
    return () => {
      live = false;
    };
  }, [caseId, settled]);

  // Until the latest text is screened, saving waits (a hit must be rewritten, not raced past).
  const pending = value.trim() !== '' && value !== checked;
  const hits = useMemo(() => verdicts.filter((v) => v.kind === 'block'), [verdicts]);
  useEffect(() => {
    onScreen({ hits, pending });
  }, [hits, pending, onScreen]);

  const spans = spansOf(verdicts);
  const current = value === checked;
  const warnOnly = verdicts.length > 0 && hits.length === 0;
  return (
    <Stack spacing={0.75}>
      <TextField
        label={t('wb.outcome.notes')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        multiline
        minRows={3}
        maxRows={10}
        disabled={disabled}
        error={hits.length > 0}
        color={warnOnly ? 'warning' : undefined}
        focused={warnOnly ? true : undefined}
        placeholder={t('wb.outcome.notesPlaceholder')}
        slotProps={{
          htmlInput: { maxLength: 20_000 },
          input: {
            endAdornment: checking ? (
              <InputAdornment position="end" sx={{ alignSelf: 'flex-start', mt: 1.5 }}>
                <CircularProgress size={14} aria-label={t('wb.outcome.screening')} />
              </InputAdornment>
            ) : undefined,
          },
        }}
      />
      {spans.length > 0 && current && (
        <Stack spacing={0.25} sx={{ px: 1.25, py: 0.75, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'action.hover' }}>
          <Typography variant="caption" color="textSecondary">
            {t('screening.highlighted')}
          </Typography>
          <HighlightedNote text={value} spans={spans} testId="notes-highlight" />
        </Stack>
      )}
      {verdicts.map((v, i) => (
        <VerdictItem key={`${v.rule}-${v.kind}-${i}`} verdict={v} />
      ))}
      {warnOnly && (
        <Typography variant="caption" color="warning.dark" data-testid="notes-warn-hint">
          {t('screening.warnReview')}
        </Typography>
      )}
    </Stack>
  );
}
