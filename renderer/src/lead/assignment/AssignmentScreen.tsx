import { CallSplitOutlined, RestartAltOutlined } from '@mui/icons-material';
import { Alert, Box, Button, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/contract/schemas';
import { formatFen } from '../../../../shared/domain/money';
import { useApp } from '../../app/AppContext';
import { errorText } from '../../app/errorText';
import { useNotify } from '../../components/Notifier';
import { PageHeader } from '../../components/PageHeader';
import { formatCount } from '../figures';
import { useLeadLists } from '../useLeadLists';
import { AssignConfirmDialog, type AssignOutcome } from './AssignConfirmDialog';
import { AssignFilters } from './AssignFilters';
import { AssignResult } from './AssignResult';
import { EMPTY_FORM, parseForm, type AssignForm, type BatchToAssign } from './assignForm';
import { CollectorPicker } from './CollectorPicker';
import { StationSyncCard } from '../../stations/StationSyncCard';
import { UndoLastAssignment } from './UndoLastAssignment';
import { useAssignPreview } from './useAssignPreview';

/** Assignment (leads, admins): choose cases, see how many and how much, split them evenly among collectors. */
export function AssignmentScreen({ user, batch }: { user: SessionUser; batch?: BatchToAssign | null }) {
  const { t, i18n } = useTranslation();
  const { prefs } = useApp();
  const notify = useNotify();
  const [generation, setGeneration] = useState(0);
  const lists = useLeadLists(user, generation);
  // Opened from an import: that batch's cases not yet assigned.
  const [form, setForm] = useState<AssignForm>(batch ? { ...EMPTY_FORM, clientCode: batch.clientCode, batchId: batch.batchId, assignedTo: 'none' } : EMPTY_FORM);
  const [to, setTo] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<AssignOutcome | null>(null);
  const parsed = useMemo(() => parseForm(form), [form]);
  const { preview, error, loading } = useAssignPreview(parsed.valid ? parsed.filter : null, generation);
  const active = lists.collectors.filter((c) => !c.disabled);
  const nameOf = (id: string) => lists.collectors.find((c) => c.id === id)?.displayName ?? id;
  const names = active.filter((c) => to.includes(c.id)).map((c) => c.displayName);
  const reassign = form.assignedTo && form.assignedTo !== 'none' ? nameOf(form.assignedTo) : null;
  const canRun = parsed.valid && !loading && (preview?.cases ?? 0) > 0 && to.length > 0;

  function done(result: AssignOutcome) {
    setConfirming(false);
    setOutcome(result);
    setGeneration((g) => g + 1);
    notify(t('lead.assign.done', { cases: formatCount(result.assigned, i18n.language), n: result.perUser.length }));
  }

  let summary;
  if (!parsed.valid) summary = <Typography color="error">{t('lead.assign.fixFilters')}</Typography>;
  else if (!preview) summary = <CircularProgress size={18} aria-label={t('common.loading')} />;
  else if (preview.cases === 0) summary = <Typography color="textSecondary">{t('lead.assign.emptySelection')}</Typography>;
  else {
    summary = (
      <Typography sx={{ fontSize: 15 }}>
        {t('lead.assign.selected', { cases: formatCount(preview.cases, i18n.language), amount: formatFen(preview.balanceFen) })}
      </Typography>
    );
  }

  return (
    <>
      <PageHeader title={t('nav.assignment')} subtitle={t('lead.assign.subtitle')} />
      {(lists.error ?? error) !== null && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errorText(lists.error ?? error, t, prefs.language)}
        </Alert>
      )}
      <UndoLastAssignment
        generation={generation}
        onUndone={(restored) => {
          setOutcome(null);
          setGeneration((g) => g + 1);
          notify(t('lead.assign.undone', { n: formatCount(restored, i18n.language) }));
        }}
      />
      <Paper variant="outlined" component="section" aria-label={t('lead.assign.selection')} sx={{ p: 2, mb: 2 }}>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5 }}>
          <Typography variant="subtitle2" sx={{ flex: 1 }}>
            {t('lead.assign.selection')}
          </Typography>
          <Button startIcon={<RestartAltOutlined />} onClick={() => setForm(EMPTY_FORM)} disabled={form === EMPTY_FORM}>
            {t('lead.assign.clear')}
          </Button>
        </Stack>
        <AssignFilters clients={lists.clients ?? []} batches={lists.batches} collectors={lists.collectors} value={form} errors={parsed.errors} onChange={setForm} />
        <Typography variant="caption" color="textSecondary" component="p" sx={{ mt: 1 }}>
          {t('lead.assign.excluded')}
        </Typography>
        <Box role="status" aria-live="polite" aria-label={t('lead.assign.previewLabel')} sx={{ mt: 1.5, px: 1.5, py: 1, bgcolor: 'action.hover', borderRadius: 1, minHeight: 40, display: 'flex', alignItems: 'center', gap: 1 }}>
          {summary}
          {loading && preview && <CircularProgress size={14} sx={{ ml: 1 }} aria-label={t('common.loading')} />}
        </Box>
      </Paper>
      <Paper variant="outlined" component="section" aria-label={t('lead.assign.to')} sx={{ p: 2 }}>
        <CollectorPicker collectors={active} selected={to} onChange={setTo} />
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mt: 1.5 }}>
          <Button variant="contained" startIcon={<CallSplitOutlined />} disabled={!canRun} onClick={() => setConfirming(true)}>
            {t('lead.assign.run')}
          </Button>
          <Typography variant="body2" color="textSecondary">
            {t('lead.assign.evenly')}
          </Typography>
        </Stack>
      </Paper>
      {outcome && <AssignResult outcome={outcome} name={nameOf} />}
      <StationSyncCard generation={generation} />
      <AssignConfirmDialog
        open={confirming}
        filter={parsed.filter}
        preview={preview}
        names={names}
        to={to}
        reassign={reassign}
        onClose={() => setConfirming(false)}
        onDone={done}
      />
    </>
  );
}
