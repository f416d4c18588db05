import { Box } from '@mui/material';
import { alpha, type Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryText } from './screeningText';

/** A span of a note to mark: the words a finding of screening points to. */
export interface MarkedSpan {
  start: number;
  end: number;
  kind: 'block' | 'warn';
  category: string;
}

const COLOR = { block: 'error', warn: 'warning' } as const;

/** Non-overlapping spans in order (a block wins over a warn where they overlap), clipped to the text. */
export function layoutSpans(text: string, spans: readonly MarkedSpan[]): MarkedSpan[] {
  const sorted = [...spans]
    .filter((s) => s.start < s.end && s.start >= 0 && s.end <= text.length)
    .sort((a, b) => (a.kind === b.kind ? a.start - b.start : a.kind === 'block' ? -1 : 1));
  const taken: MarkedSpan[] = [];
  for (const s of sorted) {
    let { start, end } = s;
    for (const t of taken) {
      if (t.start <= start && start < t.end) start = t.end;
      if (t.start < end && end <= t.end) end = t.start;
    }
    if (start < end && !taken.some((t) => t.start >= start && t.end <= end)) taken.push({ ...s, start, end });
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** The note as written, the words that triggered a finding marked red (block) or amber (warn), each titled with its category. */
export function HighlightedNote({ text, spans, testId }: { text: string; spans: readonly MarkedSpan[]; testId?: string }) {
  const { t } = useTranslation();
  const parts: ReactNode[] = [];
  let at = 0;
  for (const s of layoutSpans(text, spans)) {
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(
      <Box
        component="mark"
        key={`${s.start}-${s.end}`}
        data-kind={s.kind}
        data-category={s.category}
        title={categoryText(t, s.category)}
        sx={{
          bgcolor: (th: Theme) => alpha(th.palette[COLOR[s.kind]].main, 0.2),
          color: 'inherit',
          borderBottom: 2,
          borderColor: `${COLOR[s.kind]}.main`,
          borderRadius: 0.5,
          px: 0.25,
        }}
      >
        {text.slice(s.start, s.end)}
      </Box>,
    );
    at = s.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <Box data-testid={testId} sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.7, fontSize: 14 }}>
      {parts}
    </Box>
  );
}
