import { PhoneOutlined } from '@mui/icons-material';
import { Chip, IconButton, Table, TableBody, TableCell, TableHead, TableRow, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { useApp } from '../../app/AppContext';
import { formatDateTime } from '../../format';
import { UnmaskedValue } from './UnmaskedValue';

export type Contact = CaseDetail['contacts'][number];

const STATUS_COLOR: Record<string, 'success' | 'warning' | 'error' | 'default'> = { valid: 'success', wrong_number: 'warning', disconnected: 'warning', refuses_contact: 'error' };
const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

interface Props {
  detail: CaseDetail;
  /** the contact of the gate or the call in progress */
  activeId: string | null;
  onCall(contact: Contact): void;
}

/** Contact persons and their phones, with today's counters and a call button per phone (→ the pre-dial gate). */
export function ContactsTab({ detail, activeId, onCall }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const absent = t('common.absent');
  return (
    <Table aria-label={t('wb.tabs.contacts')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('wb.contacts.relation')}</TableCell>
          <TableCell>{t('wb.contacts.name')}</TableCell>
          <TableCell>{t('wb.contacts.phone')}</TableCell>
          <TableCell>{t('wb.contacts.status')}</TableCell>
          <TableCell>{t('wb.contacts.lastAttempt')}</TableCell>
          <TableCell sx={NUM}>{t('wb.contacts.today')}</TableCell>
          {!detail.readOnly && <TableCell padding="checkbox" />}
        </TableRow>
      </TableHead>
      <TableBody>
        {detail.contacts.map((c) => (
          <TableRow key={c.id} selected={c.id === activeId} data-testid={`contact-${c.relation}`}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`wb.relations.${c.relation}`, { defaultValue: c.relation })}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.name ?? absent}</TableCell>
            <TableCell>
              <UnmaskedValue caseId={detail.id} field="contactPhone" contactId={c.id} masked={c.phone} label={t('wb.unmask.phone')} />
            </TableCell>
            <TableCell>
              <Chip variant="outlined" color={STATUS_COLOR[c.status] ?? 'default'} label={t(`wb.contactStatus.${c.status}`, { defaultValue: c.status })} sx={{ height: 20, fontSize: 12 }} />
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.lastAttemptAt ? formatDateTime(c.lastAttemptAt, prefs.language) : '—'}</TableCell>
            <TableCell sx={NUM}>
              <Tooltip title={t('wb.contacts.todayTip', { attempts: c.attemptsToday, reached: c.reachedToday })}>
                <span>
                  {c.attemptsToday} / {c.reachedToday}
                </span>
              </Tooltip>
            </TableCell>
            {!detail.readOnly && (
              <TableCell padding="checkbox">
                {c.phone && (
                  <Tooltip title={t('wb.contacts.call')}>
                    <IconButton color="primary" aria-label={t('wb.contacts.callWho', { who: t(`wb.relations.${c.relation}`, { defaultValue: c.relation }) })} onClick={() => onCall(c)}>
                      <PhoneOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
