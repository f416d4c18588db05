import { CloseOutlined, FolderOpenOutlined } from '@mui/icons-material';
import { Alert, Box, Button, Divider, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../shared/contract/intake';
import type { ImportKind } from '../../../shared/profile/schema';
import { EmptyState } from '../components/EmptyState';
import { CancelledPanel } from './CancelledPanel';
import { FailurePanel } from './FailurePanel';
import { FileChooser } from './FileChooser';
import { PreviewPanel } from './PreviewPanel';
import { SummaryPanel } from './SummaryPanel';
import { useImportFlow, type Flow } from './useImportFlow';
import type { BatchToAssign } from '../lead/assignment/assignForm';

interface Props {
  userId: string;
  clients: ClientSummary[];
  onFinished(): void;
  /** opens the assignment screen on a batch just imported */
  onAssign(batch: BatchToAssign): void;
}

/** The remembered choice of client and kind while the screen is closed and reopened. */
let lastChoice: { clientCode: string; kind: ImportKind | '' } | null = null;

const fileOf = (flow: Flow) => ('file' in flow ? flow.file : null);

/** One import, start to end: client, kind and file → preview → import with progress → summary or failure. */
export function ImportPanel({ userId, clients, onFinished, onAssign }: Props) {
  const { t } = useTranslation();
  const { flow, choose, retarget, start, discard, cancelPreview, cancelImport } = useImportFlow(userId, onFinished);
  const [clientCode, setClientCode] = useState(lastChoice?.clientCode ?? '');
  const [kind, setKind] = useState<ImportKind | ''>(lastChoice?.kind ?? '');

  // The first client, and the first kind its profile has, until someone chooses otherwise.
  useEffect(() => {
    if (clients.length === 0) return;
    const client = clients.find((c) => c.code === clientCode) ?? clients[0]!;
    if (client.code !== clientCode) setClientCode(client.code);
    if (!kind || !client.kinds.includes(kind)) setKind(client.kinds[0] ?? '');
  }, [clients, clientCode, kind]);

  useEffect(() => {
    lastChoice = { clientCode, kind };
  }, [clientCode, kind]);

  const busy = flow.step === 'choosing' || flow.step === 'running' || flow.step === 'previewing';
  const target = () => (kind ? { clientCode, kind } : null);

  function changeClient(code: string) {
    const client = clients.find((c) => c.code === code);
    const nextKind = kind && client?.kinds.includes(kind) ? kind : (client?.kinds[0] ?? '');
    setClientCode(code);
    setKind(nextKind);
    if (nextKind) retarget({ clientCode: code, kind: nextKind });
  }

  function changeKind(next: ImportKind) {
    setKind(next);
    retarget({ clientCode, kind: next });
  }

  function chooseNew() {
    const to = target();
    if (to) void choose(to, t('intake.dialogTitle', { kind: t(`intake.kinds.${to.kind}`) }));
  }

  let body;
  if (flow.step === 'idle' || flow.step === 'choosing') {
    body = <EmptyState icon={<FolderOpenOutlined />} title={t('intake.idleTitle')} description={t('intake.idleBody')} />;
  } else if (flow.step === 'chooseFailed') body = <FailurePanel error={flow.error} during="choose" onChooseAnother={chooseNew} />;
  else if (flow.step === 'previewing') {
    body = (
      <Stack direction="row" spacing={1.5} sx={{ px: 2, py: 3, alignItems: 'center' }}>
        <Typography variant="body2" color="textSecondary">
          {t('intake.preview.loading')}
        </Typography>
        <Button size="small" color="inherit" startIcon={<CloseOutlined />} onClick={() => void cancelPreview()} data-testid="cancel-preview">
          {t('intake.cancel')}
        </Button>
      </Stack>
    );
  } else if (flow.step === 'previewFailed') body = <FailurePanel error={flow.error} during="preview" onChooseAnother={chooseNew} />;
  else if (flow.step === 'preview' || flow.step === 'running') {
    body = (
      <PreviewPanel
        key={flow.file.fileRef}
        preview={flow.preview}
        running={flow.step === 'running' ? { rows: flow.rows, cancelling: flow.cancelling === true } : null}
        onImport={(extra) => {
          const to = target();
          if (to) void start(to, extra);
        }}
        onCancel={flow.step === 'running' && flow.jobId ? () => void cancelImport() : undefined}
        onChooseAnother={chooseNew}
      />
    );
  } else if (flow.step === 'done') {
    body = <SummaryPanel summary={flow.summary} onNext={chooseNew} onAssign={onAssign} />;
  } else if (flow.step === 'cancelled') body = <CancelledPanel onChooseAnother={chooseNew} />;
  else body = <FailurePanel error={flow.error} during="import" onChooseAnother={chooseNew} />;

  return (
    <Paper variant="outlined" sx={{ overflow: 'hidden' }} aria-label={t('intake.panelLabel')} component="section">
      <Box sx={{ px: 2, pt: 2, pb: 1.5 }}>
        {clients.length === 0 ? (
          <Alert severity="info">{t('intake.noClients')}</Alert>
        ) : (
          <FileChooser
            clients={clients}
            clientCode={clientCode}
            kind={kind}
            file={fileOf(flow)}
            busy={busy}
            onDiscard={flow.step === 'preview' || flow.step === 'previewFailed' ? () => void discard() : undefined}
            onClient={changeClient}
            onKind={changeKind}
            onChoose={chooseNew}
          />
        )}
      </Box>
      <Box sx={{ height: 2 }}>{(flow.step === 'previewing' || flow.step === 'choosing') && <LinearProgress sx={{ height: 2 }} />}</Box>
      <Divider />
      <Box sx={{ pt: 1.5 }}>{body}</Box>
    </Paper>
  );
}
