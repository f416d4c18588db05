import { Box, ButtonBase, Link, Paper, Skeleton, Tooltip, Typography } from '@mui/material';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../shared/domain/money';
import { formatFenCompact } from '../../format';
import type { KpiFigures } from '../../../../shared/kpi/kpi';
import { FIGURE_COLUMNS, figureLabel, figureText, formatCount, type DrillMetric, type FigureKey } from '../figures';

interface CardDef {
  figure: FigureKey;
  /** the line under the figure; `full` for its tooltip, where a short form is shown in the card */
  caption(f: KpiFigures, t: TFunction, language: string, full?: boolean): string;
  /** a second way into the cases, under the card (e.g. the broken promises) */
  extra?: DrillMetric;
}

const worked = (f: KpiFigures, t: TFunction, l: string) => t('lead.card.worked', { n: formatCount(f.workedCases, l) });

const CARDS: CardDef[] = [
  {
    figure: 'recoveryRateAmount',
    caption: (f, t, l, full) => {
      const amount = (fen: number) => (full ? formatFen(fen) : `¥${formatFenCompact(fen, l)}`);
      return t('lead.card.recoveredOfPlaced', { recovered: amount(f.recoveredFen), placed: amount(f.placedFen) });
    },
  },
  { figure: 'recoveryRateCount', caption: (f, t, l) => t('lead.card.casesOf', { n: formatCount(f.recoveredCases, l), total: formatCount(f.cases, l) }) },
  { figure: 'contactRate', caption: worked },
  { figure: 'rpcRate', caption: worked },
  { figure: 'ptpRate', caption: (_f, t) => t('lead.card.caption.ptpRate') },
  { figure: 'ptpKeptRateCount', caption: (_f, t) => t('lead.card.caption.ptpKeptRateCount'), extra: 'broken' },
  { figure: 'ptpKeptRateAmount', caption: (_f, t) => t('lead.card.caption.ptpKeptRateAmount') },
  { figure: 'commissionFen', caption: (_f, t) => t('lead.card.commission') },
  { figure: 'placedFen', caption: (f, t, l) => t('lead.card.cases', { n: formatCount(f.cases, l) }) },
  { figure: 'recoveredFen', caption: (f, t, l) => t('lead.card.casesPaid', { n: formatCount(f.recoveredCases, l) }) },
];

const column = (key: FigureKey) => FIGURE_COLUMNS.find((c) => c.key === key) ?? FIGURE_COLUMNS[0]!;

interface Props {
  total: KpiFigures | null;
  /** absent: the figures do not open cases (every client at once) */
  onDrill?(metric: DrillMetric, title: string): void;
}

/** The headline figures; each card opens the cases behind its number. */
export function KpiCards({ total, onDrill }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Box component="section" aria-label={t('lead.dash.cards')} sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 1.5, mb: 2 }}>
      {CARDS.map((card) => {
        const col = column(card.figure);
        const label = figureLabel(t, card.figure);
        // amounts short on a card (¥5,353.8万, ¥53.5M), in full in its accessible name and on hover
        const full = total ? figureText(total, col, language) : null;
        const amount = total && col.kind === 'amount' ? (total[col.key] as number) : null;
        const value = amount !== null ? `¥${formatFenCompact(amount, language)}` : full;
        return (
          <Paper key={card.figure} variant="outlined" sx={{ display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
            <Tooltip title={t(`lead.def.${card.figure}`)} placement="top" enterDelay={600}>
              <ButtonBase
                onClick={() => onDrill?.(col.drill, label)}
                disabled={!total || !onDrill}
                aria-label={t('lead.card.open', { label, value: full ?? '' })}
                sx={{ flex: 1, display: 'block', textAlign: 'left', px: 1.75, pt: 1.25, pb: card.extra ? 0.5 : 1.25, '&:hover': { bgcolor: 'action.hover' } }}
              >
                <Typography variant="body2" color="textSecondary" noWrap>
                  {label}
                </Typography>
                <Typography
                  title={amount !== null && full ? t('lead.yuan', { amount: full }) : undefined}
                  sx={{ fontSize: 22, fontWeight: 600, lineHeight: 1.35, fontVariantNumeric: 'tabular-nums', color: value === '—' ? 'text.disabled' : 'text.primary' }}
                >
                  {value ?? <Skeleton width={90} />}
                </Typography>
                <Typography variant="caption" color="textSecondary" component="div" noWrap title={total ? card.caption(total, t, language, true) : undefined}>
                  {total ? card.caption(total, t, language) : <Skeleton width={140} />}
                </Typography>
              </ButtonBase>
            </Tooltip>
            {card.extra && total && onDrill && (
              <Link component="button" variant="caption" underline="hover" onClick={() => onDrill(card.extra as DrillMetric, t(`lead.drill.metric.${card.extra}`))} sx={{ alignSelf: 'flex-start', textAlign: 'left', px: 1.75, pb: 1 }}>
                {t(`lead.card.extra.${card.extra}`)}
              </Link>
            )}
          </Paper>
        );
      })}
    </Box>
  );
}
