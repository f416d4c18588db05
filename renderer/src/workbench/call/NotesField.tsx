import { CircularProgress, InputAdornment, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerdictShape } from '../../../../shared/contract/workbench';
import { api } from '../../api/client';
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

/** Free-text notes, screened live for prohibited conduct (notes.screen, after a short pause in typing). */
export function NotesField({ caseId, value, onChange, onScreen, disabled }: Props) {
  const { t } = useTranslation();
  const settled = useDebounced(value, 350);
  const [hits, setHits] = useState<VerdictShape[]>([]);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState('');

  useEffect(() => {
    let live = true;
    const text = settled.trim();
    if (!text) {
      setHits([]);
      setChecked(settled);
      return;
    }
    setChecking(true);
    api.call('notes.screen', { caseId, notes: text }).then(
      (verdicts) => {
        if (!live) return;
        const blocks = verdicts.filter((v) => v.kind === 'block');
        setHits(blocks);
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
  useEffect(() => {
    onScreen({ hits, pending });
  }, [hits, pending, onScreen]);

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
      {hits.map((h, i) => (
        <VerdictItem key={`${h.rule}-${i}`} verdict={h} />
      ))}
    </Stack>
  );
}
