import { BlockOutlined, CallOutlined, Close, PhoneInTalkOutlined, Refresh } from '@mui/icons-material';
import { Alert, Box, Button, IconButton, LinearProgress, Paper, Stack, Tooltip, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import type { Contact } from '../case/ContactsTab';
import type { GateState } from './useCall';
import { VerdictList } from './VerdictList';

function Who({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`wb.relations.${contact.relation}`, { defaultValue: contact.relation })}
      {contact.name ? ` · ${contact.name}` : ''} · <span className="mono">{contact.phone}</span>
    </>
  );
}

/** The pre-dial gate: every verdict of contact.check; a block disables "Start call" and says why and when. */
export function GateCard({ gate, onStart, onCancel, onRecheck }: { gate: GateState; onStart(): void; onCancel(): void; onRecheck(): void }) {
  const { t } = useTranslation();
  const { prefs } = useApp();
  const r = gate.result;
  const blocks = r?.verdicts.filter((v) => v.kind === 'block') ?? [];
  // The keyboard follows the gate: "Start call" once it allows the call, else "Cancel".
  const start = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const ready = r !== null && !gate.loading;
  const allowed = Boolean(r?.allowed);
  useEffect(() => {
    if (ready) (allowed ? start : cancel).current?.focus();
  }, [ready, allowed]);
  return (
    <Paper variant="outlined" component="section" aria-label={t('wb.gate.title')} data-testid="gate-card" sx={{ borderColor: blocks.length ? 'error.main' : 'primary.main', borderWidth: 1.5, flexShrink: 0 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 1.5, py: 1, borderBottom: 1, borderColor: 'divider' }}>
        <CallOutlined fontSize="small" color={blocks.length ? 'error' : 'primary'} />
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="subtitle2">{t('wb.gate.title')}</Typography>
          <Typography variant="caption" color="textSecondary" component="div" noWrap>
            <Who contact={gate.contact} />
            {gate.contact.relation !== 'self' && ` · ${t('wb.gate.as', { party: t(`wb.parties.${gate.party}`) })}`}
          </Typography>
        </Box>
        <Tooltip title={t('wb.gate.recheck')}>
          <IconButton aria-label={t('wb.gate.recheck')} onClick={onRecheck} disabled={gate.loading}>
            <Refresh fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title={t('common.cancel')}>
          <IconButton aria-label={t('wb.gate.close')} onClick={onCancel}>
            <Close fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
      <Box sx={{ height: 2 }}>{gate.loading && <LinearProgress sx={{ height: 2 }} />}</Box>
      <Stack spacing={1.25} sx={{ p: 1.5 }}>
        {gate.error !== null && <Alert severity="error">{errorText(gate.error, t, prefs.language)}</Alert>}
        {r && (
          <>
            {blocks.length > 0 ? (
              <Alert severity="error" icon={<BlockOutlined />} data-testid="gate-blocked">
                {t('wb.gate.blocked', { rules: blocks.map((b) => b.rule).join(', ') })}
                {/* The first block's rule in words (e.g. the debtor's local time and the calling hours). */}
                <Box component="span" sx={{ display: 'block', fontWeight: 600 }} data-testid="gate-headline">
                  {blocks[0]?.messages[prefs.language] ?? blocks[0]?.message}
                </Box>
              </Alert>
            ) : (
              <Alert severity="success" icon={<PhoneInTalkOutlined />}>
                {t('wb.gate.allowed')}
              </Alert>
            )}
            {r.verdicts.length > 0 && <VerdictList verdicts={r.verdicts} />}
          </>
        )}
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
          <Button ref={cancel} onClick={onCancel}>{t('common.cancel')}</Button>
          <Button ref={start} variant="contained" startIcon={<PhoneInTalkOutlined />} disabled={!r?.allowed || gate.loading} onClick={onStart}>
            {t('wb.gate.start')}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}

/** The call in progress: who is on the line; "End" asks what happened and records the attempt. */
export function ActiveCallBar({ contact, onEnd }: { contact: Contact; onEnd(): void }) {
  const { t } = useTranslation();
  return (
    <Alert
      severity="info"
      icon={<PhoneInTalkOutlined />}
      data-testid="active-call"
      action={
        <Button color="inherit" size="small" onClick={onEnd}>
          {t('wb.gate.end')}
        </Button>
      }
      sx={{ alignItems: 'center', flexShrink: 0 }}
    >
      <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
        {t('wb.gate.inCall')}
      </Typography>{' '}
      <Who contact={contact} />
    </Alert>
  );
}
