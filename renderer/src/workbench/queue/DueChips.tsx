import { AlarmOutlined, EventAvailableOutlined, ReportProblemOutlined, ViewListOutlined } from '@mui/icons-material';
import { Box, Chip, Stack } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { QueueCounts } from './useQueue';
import type { QueueDue } from './queueState';

const CHIPS: { due: QueueDue; count: keyof QueueCounts; icon: typeof AlarmOutlined; color: 'primary' | 'warning' | 'error' }[] = [
  { due: 'promises_today', count: 'promisesToday', icon: EventAvailableOutlined, color: 'primary' },
  { due: 'next_action_due', count: 'nextActionsDue', icon: AlarmOutlined, color: 'warning' },
  { due: 'broken_promises', count: 'brokenPromises', icon: ReportProblemOutlined, color: 'error' },
];

function Count({ n }: { n: number | undefined }) {
  return (
    <Box component="span" sx={{ ml: 0.75, px: 0.6, minWidth: 18, display: 'inline-block', textAlign: 'center', borderRadius: 8, bgcolor: 'action.selected', fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>
      {n ?? '–'}
    </Box>
  );
}

/** Today's work on top: promises due today, next actions due, broken promises — each a filter, with its count. */
export function DueChips({ due, counts, onChange }: { due: QueueDue | undefined; counts: QueueCounts | null; onChange(due: QueueDue | undefined): void }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={1} role="group" aria-label={t('wb.queue.dueFilters')} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      <Chip
        icon={<ViewListOutlined />}
        label={t('wb.queue.due.all')}
        color={due ? 'default' : 'primary'}
        variant={due ? 'outlined' : 'filled'}
        aria-pressed={!due}
        onClick={() => onChange(undefined)}
      />
      {CHIPS.map(({ due: d, count, icon: Icon, color }) => (
        <Chip
          key={d}
          data-testid={`due-${d}`}
          icon={<Icon />}
          label={
            <>
              {t(`wb.queue.due.${d}`)}
              <Count n={counts?.[count]} />
            </>
          }
          color={due === d ? color : 'default'}
          variant={due === d ? 'filled' : 'outlined'}
          aria-pressed={due === d}
          onClick={() => onChange(due === d ? undefined : d)}
        />
      ))}
    </Stack>
  );
}
