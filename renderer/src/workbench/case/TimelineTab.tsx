import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { useApp } from '../../app/AppContext';
import { formatDateTime } from '../../format';
import { EmptyNote } from './EmptyNote';

/** Activities, newest first: time, channel, party, result, collector, notes and the warn rules overridden. */
export function TimelineTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  if (detail.timeline.length === 0) return <EmptyNote text={t('wb.timeline.empty')} />;
  return (
    <Table aria-label={t('wb.tabs.timeline')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('wb.timeline.at')}</TableCell>
          <TableCell>{t('wb.timeline.channel')}</TableCell>
          <TableCell>{t('wb.timeline.party')}</TableCell>
          <TableCell>{t('wb.timeline.result')}</TableCell>
          <TableCell>{t('wb.timeline.collector')}</TableCell>
          <TableCell sx={{ width: '40%' }}>{t('wb.timeline.notes')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {detail.timeline.map((a) => (
          <TableRow key={a.id} data-testid="timeline-row">
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.at, prefs.language)}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`wb.channels.${a.channel}`, { defaultValue: a.channel })}</TableCell>
            <TableCell>
              <div>{t(`wb.parties.${a.party}`, { defaultValue: a.party })}</div>
              {(a.contactName || a.phone) && (
                <Typography variant="caption" color="textSecondary" sx={{ whiteSpace: 'nowrap' }}>
                  {[a.contactName, a.phone].filter(Boolean).join(' · ')}
                </Typography>
              )}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`wb.results.${a.resultCode}`, { defaultValue: a.resultCode })}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.collector}</TableCell>
            <TableCell>
              <Stack spacing={0.5}>
                {a.notes && <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{a.notes}</Typography>}
                {a.warns.length > 0 && (
                  <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
                    {a.warns.map((w) => (
                      <Tooltip key={w} title={a.overrideReason ? t('wb.timeline.reason', { reason: a.overrideReason }) : t('wb.timeline.noReason')}>
                        <Chip color="warning" variant="outlined" label={w} className="mono" sx={{ height: 18, fontSize: 11 }} />
                      </Tooltip>
                    ))}
                    {a.overrideReason && (
                      <Typography variant="caption" color="textSecondary">
                        {t('wb.timeline.reason', { reason: a.overrideReason })}
                      </Typography>
                    )}
                  </Stack>
                )}
              </Stack>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
