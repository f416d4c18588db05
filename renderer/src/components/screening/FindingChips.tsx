import { Chip, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { categoryText } from './screeningText';

interface Finding {
  category: string;
  kind: 'block' | 'warn';
  match: string;
  start: number;
  end: number;
}

/** A finding inside a wider one of the same category and kind adds nothing to read: 让他好看 within 再不还就让他好看. */
function within(h: Finding, o: Finding): boolean {
  return o !== h && o.category === h.category && o.kind === h.kind && o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start;
}

/** Each finding as its category in words and the words that triggered it: 威胁恐吓 “让他好看”. */
export function FindingChips({ hits }: { hits: readonly Finding[] }) {
  const { t } = useTranslation();
  const seen = new Set<string>();
  const unique = hits.filter((h) => !hits.some((o) => within(h, o))).filter((h) => {
    const key = `${h.category}|${h.match}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return (
    <Stack direction="row" useFlexGap spacing={0.5} sx={{ flexWrap: 'wrap', mt: 0.5 }}>
      {unique.map((h) => (
        <Chip
          key={`${h.category}|${h.match}`}
          size="small"
          variant="outlined"
          color={h.kind === 'block' ? 'error' : 'warning'}
          data-testid="finding"
          data-category={h.category}
          label={t('screening.finding', { category: categoryText(t, h.category), match: h.match })}
          sx={{ height: 22, fontSize: 12, maxWidth: '100%' }}
        />
      ))}
    </Stack>
  );
}
