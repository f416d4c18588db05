import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultCode } from '../../../../shared/compliance/types';
import type { CaseDetail } from '../../../../shared/contract/workbench';
import { useNotify } from '../../components/Notifier';
import type { Contact } from '../case/ContactsTab';
import { caseToday } from '../dates';
import { clearDraft, getDraft, saveDraft } from '../workMemory';
import type { NotesScreen } from './NotesField';
import { EMPTY_OUTCOME, nextActionOutsideHours, type OutcomeValues } from './outcomeModel';
import type { ScriptParty } from './party';
import type { CallPhase } from './PhaseSteps';
import { useCall, type CallState } from './useCall';
import { useOutcome, type OutcomeState } from './useOutcome';
import type { WrapUpState } from './WrapUp';

export interface CallSession {
  call: CallState;
  party: ScriptParty;
  setParty(party: ScriptParty): void;
  confirmed: ReadonlySet<string>;
  confirm(rule: string, on: boolean): void;
  /** bumped after a save: the script is read again */
  scriptKey: number;
  outcome: OutcomeState;
  today: string;
  phase: CallPhase;
  /** what the last save recorded, until another call begins */
  wrap: WrapUpState | null;
  clearWrap(): void;
  ending: boolean;
  setEnding(on: boolean): void;
  notes: NotesScreen;
  setNotes(screen: NotesScreen): void;
  /** the outcome was restored from a draft (kept across an idle lock) */
  restored: boolean;
  dismissRestored(): void;
  resultRef: RefObject<HTMLInputElement | null>;
  openGate(contact: Contact, party: ScriptParty): void;
  startCall(): void;
  cancelGate(): void;
  /** the nobody-reached attempt was recorded from the end-call dialog */
  attemptRecorded(code: ResultCode): void;
  canSave: boolean;
  /** saves the outcome; `next`: then the queue's next case opens */
  save(next: boolean): void;
}

const isEmpty = (v: OutcomeValues) => JSON.stringify(v) === JSON.stringify(EMPTY_OUTCOME);

/**
 * One case's call, from the gate to the wrap-up: the contact on the line, the script's party and confirmations, the
 * outcome form. While a call is on or the form holds anything, it is kept as a draft in memory (workMemory) for the
 * signed-in user and this case, so an idle lock does not lose it; a save or a cleared form forgets it.
 */
export function useCallSession(detail: CaseDetail, userId: string, on: { onSaved(next: boolean): void }): CallSession {
  const { t } = useTranslation();
  const notify = useNotify();
  const [draft] = useState(() => getDraft(userId, detail.id));
  const [restored, setRestored] = useState(draft !== undefined);
  const [party, setParty] = useState<ScriptParty>(draft?.party ?? 'debtor');
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(() => new Set(draft?.confirmed ?? []));
  const [scriptKey, setScriptKey] = useState(0);
  const [ending, setEnding] = useState(false);
  const [wrap, setWrap] = useState<WrapUpState | null>(null);
  const [notes, setNotes] = useState<NotesScreen>({ hits: [], pending: false });
  const call = useCall(detail.id, draft?.contact ? { contact: draft.contact, elapsedS: draft.elapsedS } : undefined);
  const resultRef = useRef<HTMLInputElement>(null);
  const nextAfterSave = useRef(false);
  const today = caseToday(detail);

  function afterCall() {
    call.end();
    setEnding(false);
    setConfirmed(new Set());
    setParty('debtor');
    setScriptKey((k) => k + 1);
    setRestored(false);
  }

  const outcome = useOutcome(
    {
      caseId: detail.id,
      contactId: call.active?.id ?? null,
      party,
      confirmed,
      limits: { balanceFen: detail.balanceFen, today, dueBackAt: detail.batch.dueBackAt },
      elapsedS: call.elapsedS,
      hours: detail.callingHours,
      timezone: detail.debtor.timezone,
    },
    (verdicts, saved) => {
      const warned = verdicts.filter((v) => v.kind === 'warn').map((v) => v.rule);
      const outside = nextActionOutsideHours(saved.nextAction, detail.callingHours, detail.debtor.timezone);
      const text = warned.length ? t('wb.outcome.savedWithWarns', { rules: warned.join(', ') }) : t('wb.outcome.saved');
      notify(outside ? `${text} ${t('wb.outcome.nextActionOutside', { local: outside.localTime, end: outside.end, start: outside.start })}` : text);
      afterCall();
      clearDraft(userId, detail.id);
      if (saved.resultCode) setWrap({ resultCode: saved.resultCode });
      on.onSaved(nextAfterSave.current);
    },
    draft?.values,
  );

  // The draft follows every change; nothing on the line and an empty form: nothing to keep.
  const values = outcome.values;
  const active = call.active;
  const elapsedS = call.elapsedS;
  useEffect(() => {
    if (!active && isEmpty(values)) clearDraft(userId, detail.id);
    else saveDraft(userId, detail.id, { values, contact: active, party, confirmed: [...confirmed], elapsedS: elapsedS() });
  }, [values, active, party, confirmed, userId, detail.id, elapsedS]);

  // Once the gate is passed the keyboard goes to the outcome's first field (the result code).
  const activeId = call.active?.id ?? null;
  useEffect(() => {
    if (activeId) resultRef.current?.focus();
  }, [activeId]);

  const phase: CallPhase = wrap ? 'wrapup' : call.active ? (values.resultCode ? 'outcome' : 'script') : 'gate';
  const canSave = Boolean(call.active) && !detail.readOnly && values.resultCode !== '' && notes.hits.length === 0 && !outcome.saving;

  return {
    call,
    party,
    setParty,
    confirmed,
    confirm: (rule, onOff) =>
      setConfirmed((s) => {
        const next = new Set(s);
        if (onOff) next.add(rule);
        else next.delete(rule);
        return next;
      }),
    scriptKey,
    outcome,
    today,
    phase,
    wrap,
    clearWrap: () => setWrap(null),
    ending,
    setEnding,
    notes,
    setNotes,
    restored,
    dismissRestored: () => setRestored(false),
    resultRef,
    openGate: (contact, p) => {
      setWrap(null);
      call.check(contact, p);
    },
    startCall: () => {
      if (call.gate) setParty(call.gate.party);
      setConfirmed(new Set());
      outcome.reset();
      setWrap(null);
      call.start();
    },
    cancelGate: () => {
      if (!call.active) setParty('debtor');
      call.cancelGate();
    },
    attemptRecorded: (code) => {
      notify(t('wb.outcome.saved'));
      outcome.reset();
      afterCall();
      clearDraft(userId, detail.id);
      setWrap({ resultCode: code });
      on.onSaved(false);
    },
    canSave,
    save: (next) => {
      if (!canSave) return;
      nextAfterSave.current = next;
      void outcome.save();
    },
  };
}
