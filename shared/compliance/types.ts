import type { Texts } from './pack';

export type Channel = 'call' | 'sms' | 'letter' | 'visit' | 'email';
export type Party = 'debtor' | 'related' | 'third' | 'none';
export type VerdictKind = 'block' | 'require' | 'warn';

/** Result codes (CLI.md). The first four mean nobody was reached. */
export const RESULT_CODES = [
  'PTP', 'PAID_CLAIM', 'REFUSED', 'HARDSHIP', 'DISPUTE', 'CALLBACK', 'LEFT_MESSAGE', 'WRONG_NUMBER',
  'NO_ANSWER', 'BUSY', 'POWERED_OFF', 'DISCONNECTED', 'DECEASED', 'COMPLAINT',
] as const;
export type ResultCode = (typeof RESULT_CODES)[number];
export const NOT_REACHED: readonly ResultCode[] = ['NO_ANSWER', 'BUSY', 'POWERED_OFF', 'DISCONNECTED'];
export function isConnected(code: ResultCode): boolean {
  return !NOT_REACHED.includes(code);
}

/** Case flags that stop or change contact (DESIGN.md). */
export const CASE_FLAGS = ['do_not_contact', 'complaint', 'dispute', 'deceased', 'bankruptcy', 'lawyer', 'cease_communication', 'vulnerable', 'time_barred'] as const;
export type CaseFlag = (typeof CASE_FLAGS)[number];

/** One past contact, as the counters need it: activities of this debtor, all collectors, all the debtor's cases of the client. */
export interface ContactFact {
  caseId: string;
  channel: Channel;
  party: Party;
  phone: string | null;
  /** instant, ISO-8601 */
  startedAt: string;
  resultCode: ResultCode;
  /** for third-party limits: the contact person reached */
  contactPersonId?: string | null;
  /** a collection (debt discussed with the debtor) confirmed on this activity: evidence for CN-E1 */
  collection?: boolean;
  /** inbound: the person called the agency (no attempt; a conversation in it still counts as one). Absent: outbound */
  direction?: Direction;
  /** the person asked on this call to be called (direct prior consent, Reg F 1006.14(b)(3)) */
  consentToCall?: boolean;
}

export type Direction = 'outbound' | 'inbound';

export interface EngineCase {
  id: string;
  status: string;
  flags: readonly string[];
}

export interface EngineDebtor {
  id: string;
  /** the debtor's own numbers (mobile and phones of relation self) */
  ownPhones: readonly string[];
  /** a lead-recorded consent to be contacted outside the window */
  consent?: { windowStart: string; windowEnd: string; validUntil: string } | null;
}

export interface EngineContact {
  id?: string | null;
  phone: string | null;
  relation: string;
  status: 'valid' | 'wrong_number' | 'disconnected' | 'refuses_contact';
  /** when the refusal was recorded (instant): a call already under way when the person refused may still be recorded */
  refusedAt?: string | null;
}

/** What the collector intends (pre-dial), or has just done (recording the outcome). */
export interface Intent {
  phase: 'pre-dial' | 'record';
  channel: Channel;
  /** inbound: the person called the agency (recording it is no contact attempt). Absent: outbound */
  direction?: Direction;
  party: Party;
  phone: string | null;
  /** record phase */
  resultCode?: ResultCode;
  promise?: boolean;
  planRequest?: boolean;
  notes?: string;
  confirmations?: readonly string[];
  /** a legal referral being requested (CN-E1) */
  legalReferral?: boolean;
}

export interface EngineInput {
  now: Date;
  /** the debtor's zone, else the client profile's */
  timezone: string;
  case: EngineCase;
  debtor: EngineDebtor;
  contact: EngineContact | null;
  history: readonly ContactFact[];
  intent: Intent;
  /** the client profile's designated repayment channels (CN-PAY: a payment instruction names only these) */
  repaymentChannels?: readonly string[];
}

/** A finding of note screening (CN-P, CN-PAY, US-P), with offsets into the notes as typed (for highlighting). */
export interface NoteHit {
  category: string;
  kind: 'block' | 'warn';
  /** the words that triggered it */
  match: string;
  start: number;
  end: number;
  /** the pack's relation rules, or the learned model */
  source: 'rules' | 'model';
}

export interface Verdict {
  rule: string;
  kind: VerdictKind;
  message: string;
  messages: Texts;
  nextAllowedAt?: string;
  /** for a require at the record phase: whether it was confirmed */
  met?: boolean;
  /** for a note-screening rule: what was found and where */
  hits?: NoteHit[];
}
