import { BlockOutlined, CheckCircleOutlined, InfoOutlined, WarningAmberOutlined } from '@mui/icons-material';
import { Box, Stack, Typography } from '@mui/material';
import { alpha, type Theme } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import type { VerdictShape } from '../../../../shared/contract/workbench';
import { useApp } from '../../app/AppContext';
import { FindingChips } from '../../components/screening/FindingChips';
import { formatDateTime } from '../../format';

const COLOR = { block: 'error', require: 'info', warn: 'warning' } as const;
const ICON = { block: BlockOutlined, require: InfoOutlined, warn: WarningAmberOutlined };
const ORDER = { block: 0, warn: 1, require: 2 };

/** Blocks first, then warns, then requires; the engine's order within each kind. */
export function sortVerdicts(verdicts: readonly VerdictShape[]): VerdictShape[] {
  return [...verdicts].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
}

/** The message without its own "next allowed at <ISO>" sentence: the time is shown below, formatted locally. */
function withoutInstant(message: string, iso: string | undefined): string {
  if (!iso) return message;
  const at = message.indexOf(iso);
  if (at < 0) return message;
  const before = message.slice(0, at);
  const cut = Math.max(before.lastIndexOf('。'), before.lastIndexOf('. '), before.lastIndexOf('；'));
  return cut >= 0 ? before.slice(0, cut + 1).trim() : message.replace(iso, '').trim();
}

/** One verdict: block red with the reason and the next allowed time, require blue, warn amber — always naming the rule. */
export function VerdictItem({ verdict }: { verdict: VerdictShape }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const met = verdict.kind === 'require' && verdict.met === true;
  const color = met ? 'success' : COLOR[verdict.kind];
  const Icon = met ? CheckCircleOutlined : ICON[verdict.kind];
  return (
    <Box
      data-testid={`verdict-${verdict.rule}`}
      data-kind={verdict.kind}
      sx={{
        display: 'flex',
        gap: 1,
        px: 1.25,
        py: 0.75,
        borderLeft: 3,
        borderRadius: 1,
        borderColor: `${color}.main`,
        bgcolor: (th: Theme) => alpha(th.palette[color].main, 0.07),
      }}
    >
      <Icon sx={{ fontSize: 18, mt: 0.2, color: `${color}.main` }} />
      <Box sx={{ minWidth: 0 }}>
        <Stack direction="row" spacing={0.75} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography component="span" variant="body2" className="mono" sx={{ fontWeight: 700, color: `${color}.dark` }}>
            {verdict.rule}
          </Typography>
          <Typography component="span" variant="caption" sx={{ color: `${color}.dark`, fontWeight: 600 }}>
            {met ? t('wb.verdict.met') : t(`wb.verdict.${verdict.kind}`)}
          </Typography>
        </Stack>
        <Typography variant="body2" sx={{ lineHeight: 1.5 }}>
          {withoutInstant(verdict.messages[prefs.language], verdict.nextAllowedAt)}
        </Typography>
        {verdict.hits && verdict.hits.length > 0 && <FindingChips hits={verdict.hits} />}
        {verdict.nextAllowedAt && (
          <Typography variant="body2" sx={{ fontWeight: 600, color: 'error.dark' }} data-testid="next-allowed">
            {t('wb.verdict.nextAllowed', { time: formatDateTime(verdict.nextAllowedAt, prefs.language) })}
          </Typography>
        )}
      </Box>
    </Box>
  );
}

/** Every verdict, colour-coded. */
export function VerdictList({ verdicts }: { verdicts: readonly VerdictShape[] }) {
  return (
    <Stack spacing={0.75}>
      {sortVerdicts(verdicts).map((v, i) => (
        <VerdictItem key={`${v.rule}-${v.kind}-${i}`} verdict={v} />
      ))}
    </Stack>
  );
}
