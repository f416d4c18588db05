import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { useApp } from '../../app/AppContext';
import { formatDateTime } from '../../format';
import { EmptyNote } from './EmptyNote';

/**
 * Activities, newest first: time and channel, party, result and collector on one line, and under it, the width of the
 * table, the notes and the warn rules overridden — so notes stay readable in the case screen's narrower column.
 */
export function TimelineTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  if (detail.timeline.length === 0) return <EmptyNote text={t('wb.timeline.empty')} />;
  return (
    <Table aria-label={t('wb.tabs.timeline')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('wb.timeline.at')}</TableCell>
          <TableCell>{t('wb.timeline.party')}</TableCell>
          <TableCell>{t('wb.timeline.result')}</TableCell>
          <TableCell>{t('wb.timeline.collector')}</TableCell>
        </TableRow>
      </TableHead>
      {detail.timeline.map((a) => {
        const more = Boolean(a.notes) || a.warns.length > 0;
        const line = more ? { borderBottom: 0, pb: 0.25 } : {};
        return (
          <TableBody key={a.id} data-testid="timeline-row">
            <TableRow>
              <TableCell sx={{ whiteSpace: 'nowrap', ...line }}>
                <div>{formatDateTime(a.at, prefs.language)}</div>
                <Typography variant="caption" color="textSecondary">
                  {t(`wb.channels.${a.channel}`, { defaultValue: a.channel })}
                </Typography>
              </TableCell>
              <TableCell sx={line}>
                <div>{t(`wb.parties.${a.party}`, { defaultValue: a.party })}</div>
                {(a.contactName || a.phone) && (
                  <Typography variant="caption" color="textSecondary" sx={{ whiteSpace: 'nowrap' }}>
                    {[a.contactName, a.phone].filter(Boolean).join(' · ')}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap', ...line }}>{t(`wb.results.${a.resultCode}`, { defaultValue: a.resultCode })}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap', ...line }}>{a.collector}</TableCell>
            </TableRow>
            {more && (
              <TableRow>
                <TableCell colSpan={4} sx={{ pt: 0 }}>
                  <Stack spacing={0.5}>
                    {a.notes && (
                      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                        {a.notes}
                      </Typography>
                    )}
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
            )}
          </TableBody>
        );
      })}
    </Table>
  );
}
