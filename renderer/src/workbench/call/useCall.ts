import { useCallback, useState } from 'react';
import type { GateResult } from '../../../../shared/contract/workbench';
import { api } from '../../api/client';
import type { Contact } from '../case/ContactsTab';
import type { ScriptParty } from './party';

export interface GateState {
  contact: Contact;
  party: ScriptParty;
  loading: boolean;
  result: GateResult | null;
  error: unknown;
}

export interface CallState {
  /** the pre-dial gate being shown (a call button was clicked) */
  gate: GateState | null;
  /** the contact on the line once "Start call" was pressed: the outcome form records against it */
  active: Contact | null;
  /** whole seconds since "Start call" (sent as the call's duration: the activity starts when the call did) */
  elapsedS(): number | undefined;
  check(contact: Contact, party: ScriptParty): void;
  start(): void;
  cancelGate(): void;
  end(): void;
}

/**
 * The pre-dial gate (contact.check) and the call in progress, per case. `resumed`: a call kept in a draft across an
 * idle lock, on the line again, its length counted on from where the draft left it.
 */
export function useCall(caseId: string | null, resumed?: { contact: Contact; elapsedS: number | undefined }): CallState {
  const [gate, setGate] = useState<GateState | null>(null);
  const [active, setActive] = useState<Contact | null>(resumed?.contact ?? null);
  const [startedMs, setStartedMs] = useState<number | null>(() => (resumed ? performance.now() - (resumed.elapsedS ?? 0) * 1000 : null));
  const [asked, setAsked] = useState(caseId);
  if (asked !== caseId) {
    setAsked(caseId);
    setGate(null);
    setActive(null);
  }

  const check = useCallback(
    (contact: Contact, party: ScriptParty) => {
      if (!caseId) return;
      setGate({ contact, party, loading: true, result: null, error: null });
      api.call('contact.check', { caseId, contactId: contact.id, channel: 'call', party }).then(
        (result) => setGate((g) => (g && g.contact.id === contact.id ? { ...g, loading: false, result } : g)),
        (error: unknown) => setGate((g) => (g && g.contact.id === contact.id ? { ...g, loading: false, error } : g)),
      );
    },
    [caseId],
  );

  return {
    gate,
    active,
    elapsedS: () => (startedMs === null ? undefined : Math.max(0, Math.round((performance.now() - startedMs) / 1000))),
    check,
    start: () => {
      if (gate?.result?.allowed) {
        setActive(gate.contact);
        setStartedMs(performance.now());
        setGate(null);
      }
    },
    cancelGate: () => setGate(null),
    end: () => {
      setActive(null);
      setStartedMs(null);
    },
  };
}
