import { Chip, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { categoryText } from './screeningText';

interface Finding {
  category: string;
  kind: 'block' | 'warn';
  match: string;
}

/** Each finding as its category in words and the words that triggered it: 威胁恐吓 “让他好看”. */
export function FindingChips({ hits }: { hits: readonly Finding[] }) {
  const { t } = useTranslation();
  const seen = new Set<string>();
  const unique = hits.filter((h) => {
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
