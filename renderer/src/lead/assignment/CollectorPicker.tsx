import { Box, Button, Checkbox, FormControlLabel, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../../shared/contract/schemas';

interface Props {
  collectors: UserRow[];
  selected: string[];
  onChange(ids: string[]): void;
}

/** Who gets the cases: the active collectors, any number of them. */
export function CollectorPicker({ collectors, selected, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  if (collectors.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('lead.assign.noCollectors')}
      </Typography>
    );
  }
  return (
    <Box role="group" aria-label={t('lead.assign.to')}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          {t('lead.assign.to')}
          <Typography component="span" variant="body2" color="textSecondary" sx={{ ml: 1 }}>
            {t('lead.assign.chosen', { n: selected.length })}
          </Typography>
        </Typography>
        <Button onClick={() => onChange(collectors.map((c) => c.id))}>{t('lead.assign.all')}</Button>
        <Button onClick={() => onChange([])} disabled={selected.length === 0}>
          {t('lead.assign.none')}
        </Button>
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', columnGap: 1 }}>
        {collectors.map((c) => (
          <FormControlLabel
            key={c.id}
            control={<Checkbox size="small" checked={selected.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />}
            label={
              <span>
                {c.displayName}
                <Typography component="span" variant="caption" color="textSecondary" className="mono" sx={{ ml: 0.75 }}>
                  {c.name}
                </Typography>
                <Typography component="span" variant="caption" color="textSecondary" sx={{ ml: 0.75 }}>
                  {t('lead.assign.load', { n: c.openCases.toLocaleString(i18n.language) })}
                </Typography>
              </span>
            }
            sx={{ mr: 0, '& .MuiFormControlLabel-label': { fontSize: 13 } }}
          />
        ))}
      </Box>
    </Box>
  );
}
