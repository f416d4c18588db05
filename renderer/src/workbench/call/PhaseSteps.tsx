import { Check } from '@mui/icons-material';
import { Box, Stack } from '@mui/material';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

export const PHASES = ['gate', 'script', 'outcome', 'wrapup'] as const;
export type CallPhase = (typeof PHASES)[number];

/** Where the call stands: pre-dial gate → script and its confirmations → outcome → wrap-up. */
export function PhaseSteps({ phase }: { phase: CallPhase }) {
  const { t } = useTranslation();
  const at = PHASES.indexOf(phase);
  return (
    <Stack direction="row" component="ol" aria-label={t('wb.phases.label')} data-testid="call-phase" data-phase={phase} sx={{ alignItems: 'center', listStyle: 'none', m: 0, px: 1.5, py: 1, gap: 0.75, borderBottom: 1, borderColor: 'divider', minWidth: 0 }}>
      {PHASES.map((p, i) => (
        <Fragment key={p}>
          {i > 0 && (
            <Box component="li" aria-hidden sx={{ flex: 1, minWidth: 8, height: '1px', bgcolor: i <= at ? 'primary.main' : 'divider' }} />
          )}
          <Stack component="li" direction="row" aria-current={i === at ? 'step' : undefined} sx={{ alignItems: 'center', gap: 0.5, flexShrink: 0, color: i === at ? 'primary.main' : i < at ? 'text.primary' : 'text.disabled', fontWeight: i === at ? 700 : 500, fontSize: 12.5 }}>
            <Box sx={{ width: 18, height: 18, borderRadius: '50%', display: 'grid', placeItems: 'center', fontSize: 11, color: i <= at ? 'primary.contrastText' : 'text.secondary', bgcolor: i <= at ? 'primary.main' : 'action.selected' }}>
              {i < at ? <Check sx={{ fontSize: 13 }} /> : i + 1}
            </Box>
            <span>{t(`wb.phases.${p}`)}</span>
          </Stack>
        </Fragment>
      ))}
    </Stack>
  );
}
