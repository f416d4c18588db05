import type { CaseListRow } from '../../../shared/contract/schemas';
import type { Contact } from './case/ContactsTab';
import type { OutcomeValues } from './call/outcomeModel';
import type { ScriptParty } from './call/party';
import type { QueueState } from './queue/queueState';

/**
 * What a collector was doing, kept in this window's memory only (never in the browser's storage: notes are personal
 * data) so that an idle lock does not lose it. The lock unmounts the signed-in shell but not the page; after unlocking
 * and signing in again, the same user finds the same case, its unsaved outcome and the queue as they left it.
 * Another user signing in on the same window finds nothing of it; signing out forgets it.
 */

/** An outcome being written: the call in progress and the form's values. */
export interface CallDraft {
  values: OutcomeValues;
  /** the contact on the line when the draft was last changed (null: the form was filled before any call) */
  contact: Contact | null;
  party: ScriptParty;
  confirmed: string[];
  /** the call's length so far, when the draft was last changed */
  elapsedS: number | undefined;
}

/** Where the user was in the workbench. */
export interface WorkPlace {
  screen: 'queue' | 'case';
  caseId: string | null;
  queue: QueueState;
  /** the queue page the case was opened from (its next case follows it) */
  queuePage: CaseListRow[];
}

const drafts = new Map<string, CallDraft>();
const places = new Map<string, WorkPlace>();
const key = (userId: string, caseId: string) => `${userId}\u0000${caseId}`;

export function getDraft(userId: string, caseId: string): CallDraft | undefined {
  return drafts.get(key(userId, caseId));
}

export function saveDraft(userId: string, caseId: string, draft: CallDraft): void {
  drafts.set(key(userId, caseId), draft);
}

export function clearDraft(userId: string, caseId: string): void {
  drafts.delete(key(userId, caseId));
}

export function getPlace(userId: string): WorkPlace | undefined {
  return places.get(userId);
}

export function rememberPlace(userId: string, place: WorkPlace): void {
  places.set(userId, place);
}

/** Signing out: the user's drafts and place are forgotten. */
export function forgetUser(userId: string): void {
  places.delete(userId);
  for (const k of [...drafts.keys()]) if (k.startsWith(`${userId}\u0000`)) drafts.delete(k);
}
