import { ExpandLess, ExpandMore } from '@mui/icons-material';
import { Alert, Box, Checkbox, Chip, Collapse, FormControlLabel, IconButton, LinearProgress, Paper, Stack, ToggleButton, ToggleButtonGroup, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { SCRIPT_PARTIES, type ScriptParty } from './party';

interface Props {
  caseId: string;
  party: ScriptParty;
  onParty(party: ScriptParty): void;
  /** the rule ids confirmed by ticking the script's require steps */
  confirmed: ReadonlySet<string>;
  onConfirm(rule: string, on: boolean): void;
  /** bumped after a save: the case's stage (and so its script) may have changed */
  reloadKey: number;
  disabled: boolean;
  /**
   * Folded to its title and the confirmations' count: `closed`, or `whenConfirmed` (once every require step is ticked,
   * so that a missing confirmation is never out of sight); the toggle asks for the other state.
   */
  fold: 'open' | 'closed' | 'whenConfirmed';
  onToggle(open: boolean): void;
}

function Step({ index, title, text }: { index: number; title: string; text: string }) {
  return (
    <Stack direction="row" spacing={1}>
      <Box sx={{ width: 20, height: 20, flexShrink: 0, borderRadius: '50%', bgcolor: 'action.selected', display: 'grid', placeItems: 'center', fontSize: 11, fontWeight: 600, mt: 0.1 }}>{index}</Box>
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        <Typography variant="body2" color="textSecondary" sx={{ lineHeight: 1.6 }}>
          {text}
        </Typography>
      </Box>
    </Stack>
  );
}

/** The call script for the case's stage and the party on the line; its require steps are the confirmations. */
export function ScriptPanel({ caseId, party, onParty, confirmed, onConfirm, reloadKey, disabled, fold, onToggle }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const { value: script, error, loading } = useLoad(`${caseId}|${party}|${reloadKey}`, () => api.call('script.get', { caseId, party }));
  const requires = script?.steps.flatMap((s) => (s.require ? [s.require] : [])) ?? [];
  const done = requires.filter((r) => confirmed.has(r)).length;
  const collapsed = fold === 'closed' || (fold === 'whenConfirmed' && script !== null && done === requires.length);

  return (
    <Paper variant="outlined" component="section" aria-label={t('wb.script.title')} sx={{ flexShrink: 0 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 1, py: 0.75, borderBottom: collapsed ? 0 : 1, borderColor: 'divider' }}>
        <Tooltip title={collapsed ? t('wb.script.expand') : t('wb.script.collapse')}>
          <IconButton size="small" onClick={() => onToggle(collapsed)} aria-expanded={!collapsed} aria-label={collapsed ? t('wb.script.expand') : t('wb.script.collapse')}>
            {collapsed ? <ExpandMore fontSize="small" /> : <ExpandLess fontSize="small" />}
          </IconButton>
        </Tooltip>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="subtitle2">{t('wb.script.title')}</Typography>
          {script && (
            <Typography variant="caption" color="textSecondary" component="div" noWrap>
              {t(`wb.script.stages.${script.stage}`, { defaultValue: script.stage })}
            </Typography>
          )}
        </Box>
        {requires.length > 0 && (
          <Chip
            size="small"
            data-testid="confirmed-count"
            color={done === requires.length ? 'success' : 'info'}
            variant="outlined"
            label={t('wb.script.confirmedCount', { done, total: requires.length })}
            sx={{ height: 20, fontSize: 12 }}
          />
        )}
        <ToggleButtonGroup exclusive size="small" value={party} onChange={(_e, v: ScriptParty | null) => v && onParty(v)} aria-label={t('wb.script.party')}>
          {SCRIPT_PARTIES.map((p) => (
            <ToggleButton key={p} value={p} sx={{ py: 0.25, px: 1, fontSize: 12 }}>
              {t(`wb.parties.${p}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      <Box sx={{ height: 2 }}>{loading && <LinearProgress sx={{ height: 2 }} />}</Box>
      {/* Third-party mode is said even with the script folded (at the gate, before the call starts). */}
      {script?.hidesAmounts && (
        <Alert severity="warning" sx={{ py: 0, mx: 1.5, mt: collapsed ? 0 : 1, mb: collapsed ? 1 : 0 }}>
          {t('wb.script.thirdPartyMode')}
        </Alert>
      )}
      <Collapse in={!collapsed}>
      <Stack spacing={1.25} sx={{ p: 1.5, pt: 1 }}>
        {error !== null && <Alert severity="error">{errorText(error, t, prefs.language)}</Alert>}
        {prefs.language !== 'zh-CN' && script && (
          <Typography variant="caption" color="textSecondary">
            {t('wb.script.languageNote')}
          </Typography>
        )}
        {script?.steps.map((s, i) =>
          s.require ? (
            <Box key={s.id} sx={{ border: 1, borderColor: confirmed.has(s.require) ? 'success.light' : 'info.light', borderRadius: 1, px: 1, py: 0.5 }}>
              <FormControlLabel
                disabled={disabled}
                control={<Checkbox size="small" checked={confirmed.has(s.require)} onChange={(e) => onConfirm(s.require as string, e.target.checked)} />}
                label={
                  <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {s.title}
                    </Typography>
                    <Chip label={s.require} color={confirmed.has(s.require) ? 'success' : 'info'} variant="outlined" className="mono" sx={{ height: 18, fontSize: 11 }} />
                  </Stack>
                }
                slotProps={{ typography: { component: 'div' } }}
                sx={{ mr: 0 }}
              />
              <Typography variant="body2" color="textSecondary" sx={{ lineHeight: 1.6, pl: 3.75, pb: 0.5 }}>
                {s.text}
              </Typography>
            </Box>
          ) : (
            <Step key={s.id} index={i + 1} title={s.title} text={s.text} />
          ),
        )}
      </Stack>
      </Collapse>
    </Paper>
  );
}
