import { PersonAddAlt1Outlined, PhoneOutlined } from '@mui/icons-material';
import { Box, Button, Chip, IconButton, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { useApp } from '../../app/AppContext';
import { formatDateTime } from '../../format';
import { AddContactDialog } from './AddContactDialog';
import { ContactStatusMenu } from './ContactStatusMenu';
import { UnmaskedValue } from './UnmaskedValue';

export type Contact = CaseDetail['contacts'][number];

const STATUS_COLOR: Record<string, 'success' | 'warning' | 'error' | 'default'> = { valid: 'success', wrong_number: 'warning', disconnected: 'warning', refuses_contact: 'error' };
const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

interface Props {
  detail: CaseDetail;
  /** the contact of the gate or the call in progress */
  activeId: string | null;
  onCall(contact: Contact): void;
  /** a contact was marked or added: the case is read again */
  onChanged(): void;
  /** the case was just opened: the keyboard starts on the first call button (→ the gate) */
  focusCall?: boolean;
}

/**
 * Contact persons and their phones, with today's counters and a call button per phone (→ the pre-dial gate); each can
 * be marked wrong / disconnected / refusing contact, and a number learned on a call can be added — also during a call.
 */
export function ContactsTab({ detail, activeId, onCall, onChanged, focusCall }: Props) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const [adding, setAdding] = useState(false);
  const absent = t('common.absent');
  const firstCall = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusCall) firstCall.current?.focus();
  }, [focusCall]);
  const firstCallable = detail.contacts.find((c) => c.phone && c.status === 'valid') ?? detail.contacts.find((c) => c.phone);
  return (
    <Paper variant="outlined" component="section" aria-label={t('wb.tabs.contacts')} sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flexShrink: 0, maxHeight: '42%' }}>
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 1.5, minHeight: 36, borderBottom: 1, borderColor: 'divider', flexShrink: 0 }}>
      <Typography variant="subtitle2" sx={{ flex: 1 }}>
        {t('wb.tabs.contacts')}
        <Box component="span" sx={{ ml: 0.75, px: 0.6, borderRadius: 8, bgcolor: 'action.selected', fontSize: 11, fontVariantNumeric: 'tabular-nums' }}>
          {detail.contacts.length}
        </Box>
      </Typography>
    {!detail.readOnly && (
      <>
        <Button size="small" startIcon={<PersonAddAlt1Outlined />} onClick={() => setAdding(true)}>
          {t('wb.contactEdit.add')}
        </Button>
        <AddContactDialog
          caseId={detail.id}
          open={adding}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            onChanged();
          }}
        />
      </>
    )}
    </Stack>
    <Box sx={{ overflow: 'auto', minHeight: 0 }}>
    <Table aria-label={t('wb.tabs.contacts')} stickyHeader>
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
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {c.name ?? absent}
              {c.source === 'call' && (
                <Tooltip title={t('wb.contactEdit.learnedBy', { who: c.addedBy ?? absent })}>
                  <Box component="span" data-testid="learned-on-call" sx={{ ml: 0.75, fontSize: 11, color: 'text.secondary' }}>
                    {t('wb.contactEdit.learned')}
                  </Box>
                </Tooltip>
              )}
            </TableCell>
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
              <TableCell padding="checkbox" sx={{ whiteSpace: 'nowrap' }}>
                {c.phone && (
                  <Tooltip title={t('wb.contacts.call')} placement="left">
                    <IconButton ref={c.id === firstCallable?.id ? firstCall : undefined} color="primary" aria-label={t('wb.contacts.callWho', { who: t(`wb.relations.${c.relation}`, { defaultValue: c.relation }) })} onClick={() => onCall(c)}>
                      <PhoneOutlined fontSize="small" />
                    </IconButton>
                  </Tooltip>
                )}
                <ContactStatusMenu caseId={detail.id} contact={c} onDone={onChanged} />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
    </Box>
    </Paper>
  );
}
