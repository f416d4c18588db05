import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportKind } from '../../../shared/profile/schema';
import type { ImportPreview, ImportSummary } from '../../../shared/contract/intake';
import { api, isApiError } from '../api/client';
import { chooseFile, type StagedFile } from '../api/files';
import { FILE_EXTENSIONS, toFailure, type Failure } from './intakeText';

/** Where the import of one file stands. */
export type Flow =
  | { step: 'idle' }
  | { step: 'choosing' }
  | { step: 'chooseFailed'; error: Failure }
  | { step: 'previewing'; file: StagedFile }
  | { step: 'preview'; file: StagedFile; preview: ImportPreview }
  | { step: 'previewFailed'; file: StagedFile; error: Failure }
  | { step: 'running'; file: StagedFile; preview: ImportPreview; jobId: string; rows: number; cancelling?: boolean }
  | { step: 'done'; file: StagedFile; summary: ImportSummary }
  | { step: 'failed'; file: StagedFile; error: Failure }
  | { step: 'cancelled'; file: StagedFile };

export interface Target {
  clientCode: string;
  kind: ImportKind;
}

const POLL_MS = 300;
/** a cancelled preview the host has not begun yet is asked again this often, this many times */
const CANCEL_RETRY_MS = 100;
const CANCEL_TRIES = 50;
/** status calls that may fail in a row (a busy host) before the import is reported as lost */
const POLL_RETRIES = 5;

/** Kept while the screen is closed, so coming back shows the import still running (or its result); a preview is not kept. */
let remembered: { userId: string; flow: Flow } | null = null;

/** The flow left when the screen closed; a dialog or a call that was pending then cannot be picked up again. */
function resume(userId: string): Flow {
  const flow = remembered?.userId === userId ? remembered.flow : null;
  if (!flow || flow.step === 'choosing' || flow.step === 'previewing' || (flow.step === 'running' && !flow.jobId)) return { step: 'idle' };
  return flow;
}

/** The file staged for a preview: deleted by the app when the preview is left without importing. */
const stagedFile = (f: Flow): StagedFile | null => (f.step === 'previewing' || f.step === 'preview' || f.step === 'previewFailed' ? f.file : null);

/** Asks the app to delete a staged file (best effort: whatever is left is deleted at sign-out, lock and the next open). */
function discardFile(file: StagedFile): Promise<void> {
  return api.call('import.discard', { fileRef: file.fileRef }).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * The import of one file: choose and stage it, preview it as the profile maps it, import it in the background
 * while polling its progress, then its summary. `onFinished` runs when an import ends (to refresh the lists). A
 * preview or an import under way can be cancelled: nothing of it is written.
 */
export function useImportFlow(userId: string, onFinished: () => void) {
  const [flow, setFlowState] = useState<Flow>(() => resume(userId));
  const flowRef = useRef(flow);
  /** the preview call under way (it never rejects): a cancelled preview's file is let go once the call has ended */
  const previewCall = useRef<Promise<void> | null>(null);
  const finishedRef = useRef(onFinished);
  useEffect(() => {
    finishedRef.current = onFinished;
  }, [onFinished]);

  const setFlow = useCallback(
    (next: Flow) => {
      flowRef.current = next;
      remembered = { userId, flow: next };
      setFlowState(next);
    },
    [userId],
  );

  const preview = useCallback(
    async (file: StagedFile, target: Target) => {
      setFlow({ step: 'previewing', file });
      const call = (async () => {
        try {
          const result = await api.call('import.preview', { ...target, fileRef: file.fileRef });
          if (flowRef.current.step === 'previewing' && flowRef.current.file.fileRef === file.fileRef) setFlow({ step: 'preview', file, preview: result });
        } catch (err) {
          if (flowRef.current.step === 'previewing' && flowRef.current.file.fileRef === file.fileRef) setFlow({ step: 'previewFailed', file, error: toFailure(err) });
        }
      })();
      previewCall.current = call;
      await call;
    },
    [setFlow],
  );

  // Leaving the screen (or signing out) leaves the preview: its file is deleted, not kept for a later visit.
  useEffect(
    () => () => {
      const file = stagedFile(flowRef.current);
      if (!file) return;
      remembered = { userId, flow: { step: 'idle' } };
      void discardFile(file);
    },
    [userId],
  );

  /** Stops the preview under way and lets go of its file: the screen is as before the file was chosen. */
  const cancelPreview = useCallback(async () => {
    const current = flowRef.current;
    if (current.step !== 'previewing') return;
    setFlow({ step: 'idle' });
    const { fileRef } = current.file;
    const call = previewCall.current;
    let settled = false;
    void call?.then(() => (settled = true));
    // The host may not have begun the preview when asked (its request still on the way): asked again until it stops.
    for (let tries = 0; tries < CANCEL_TRIES && !settled; tries++) {
      const { cancelled } = await api.call('import.cancel', { fileRef }).catch(() => ({ cancelled: false }));
      if (cancelled) break;
      await new Promise((resolve) => setTimeout(resolve, CANCEL_RETRY_MS));
    }
    await call;
    await api.call('import.discard', { fileRef }).catch(() => undefined);
  }, [setFlow]);

  /** Asks the running import to stop; the poll then sees it end as cancelled (or done, had it finished first). */
  const cancelImport = useCallback(async () => {
    const current = flowRef.current;
    if (current.step !== 'running' || !current.jobId || current.cancelling) return;
    setFlow({ ...current, cancelling: true });
    try {
      await api.call('import.cancel', { jobId: current.jobId });
    } catch {
      // Not asked (the host unreachable a moment): the button is offered again.
      const now = flowRef.current;
      if (now.step === 'running' && now.jobId === current.jobId) setFlow({ ...now, cancelling: false });
    }
  }, [setFlow]);

  /** Lets go of the staged file (the host deletes it) without importing. */
  const discard = useCallback(async () => {
    const file = stagedFile(flowRef.current);
    setFlow({ step: 'idle' });
    if (file) await discardFile(file);
  }, [setFlow]);

  /** Opens the file dialog; a staged file not imported yet is discarded first. */
  const choose = useCallback(
    async (target: Target, title: string) => {
      const previous = stagedFile(flowRef.current);
      setFlow({ step: 'choosing' });
      if (previous) void discardFile(previous);
      try {
        const file = await chooseFile(FILE_EXTENSIONS, title);
        if (file) await preview(file, target);
        else setFlow({ step: 'idle' });
      } catch (err) {
        setFlow({ step: 'chooseFailed', error: toFailure(err) });
      }
    },
    [preview, setFlow],
  );

  /** The client or kind changed: preview the same file again through the new mapping. */
  const retarget = useCallback(
    (target: Target) => {
      const file = stagedFile(flowRef.current);
      if (file) void preview(file, target);
    },
    [preview],
  );

  const start = useCallback(
    async (target: Target, extra: { batchNo?: string; hand?: number }) => {
      const current = flowRef.current;
      if (current.step !== 'preview') return;
      const { file, preview: shown } = current;
      setFlow({ step: 'running', file, preview: shown, jobId: '', rows: 0 });
      try {
        const { jobId } = await api.call('import.start', { ...target, fileRef: file.fileRef, ...extra });
        setFlow({ step: 'running', file, preview: shown, jobId, rows: 0 });
      } catch (err) {
        setFlow({ step: 'failed', file, error: toFailure(err) });
        // Refused (another import running, the client gone…): no job took the file, so it goes. When the answer was
        // lost on the way, a job may hold it: it deletes it when done.
        if (isApiError(err) && err.code !== 'unreachable' && err.code !== 'internal') void discardFile(file);
        finishedRef.current();
      }
    },
    [setFlow],
  );

  // Polls the running job; the import runs in the app, so the window stays responsive throughout.
  const jobId = flow.step === 'running' ? flow.jobId : '';
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const current = flowRef.current;
      if (stopped || current.step !== 'running') return;
      try {
        const s = await api.call('import.status', { jobId });
        failures = 0;
        if (stopped) return;
        if (s.state === 'running') setFlow({ ...(flowRef.current.step === 'running' ? flowRef.current : current), rows: s.rows });
        else {
          if (s.state === 'done' && s.summary) setFlow({ step: 'done', file: current.file, summary: s.summary });
          else if (s.state === 'cancelled') setFlow({ step: 'cancelled', file: current.file });
          else setFlow({ step: 'failed', file: current.file, error: { details: {}, ...(s.error ?? { code: 'internal', message: '' }) } });
          finishedRef.current();
          return;
        }
      } catch (err) {
        failures += 1;
        if (failures > POLL_RETRIES) {
          setFlow({ step: 'failed', file: current.file, error: toFailure(err) });
          return;
        }
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, setFlow]);

  const reset = useCallback(() => setFlow({ step: 'idle' }), [setFlow]);

  return { flow, choose, retarget, start, discard, reset, cancelPreview, cancelImport };
}
