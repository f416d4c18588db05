import type { RulePack } from '../../../shared/compliance/pack';
import type { Channel, ContactFact, EngineContact, EngineInput, Intent, Party } from '../../../shared/compliance/types';
import { addDays, localDay, zonedInstant } from '../../../shared/compliance/zoned';
import { maskPhone } from '../../../shared/domain/masking';
import { canSeeAllCases } from '../../../shared/domain/roles';
import type { Actor } from '../auth/actor';
import { getClient } from '../clients/clients';
import { rulePack } from '../compliance/packs';
import type { Db } from '../db/open';
import { CoreError } from '../errors';

export interface CaseRecord {
  id: string;
  client_id: string;
  batch_id: string;
  debtor_id: string;
  case_no: string;
  status: string;
  flags: string;
  balance_fen: number;
  assigned_to: string | null;
  due_back_at: string | null;
}

export interface ContactRequest {
  clientCode: string;
  caseNo: string;
  channel: Channel;
  party: Party;
  phone: string | null;
  /** the moment the rules are evaluated at */
  at: Date;
}

export interface ContactContext {
  pack: RulePack;
  timezone: string;
  caseRow: CaseRecord;
  contactId: string | null;
  input: Omit<EngineInput, 'intent'>;
}

/** The case as the actor may reach it: a collector only their own (enforced here, whatever the caller). */
export function caseForActor(db: Db, actor: Actor, clientCode: string, caseNo: string): CaseRecord {
  const client = getClient(db, clientCode);
  const row = db
    .prepare(
      `SELECT c.id, c.client_id, c.batch_id, c.debtor_id, c.case_no, c.status, c.flags, c.balance_fen, c.assigned_to, b.due_back_at
       FROM cases c JOIN batches b ON b.id = c.batch_id WHERE c.client_id = ? AND c.case_no = ?`,
    )
    .get(client.id, caseNo) as CaseRecord | undefined;
  if (!row) throw new CoreError('not_found', `There is no case ${caseNo} for ${clientCode}.`, { field: 'case' });
  if (!canSeeAllCases(actor.role) && row.assigned_to !== actor.id) {
    throw new CoreError('forbidden', `Case ${caseNo} is not assigned to you.`, { field: 'case' });
  }
  return row;
}

/** Everything the compliance engine needs about one intended contact, read from the store. */
export function loadContactContext(db: Db, actor: Actor, req: ContactRequest): ContactContext {
  const client = getClient(db, req.clientCode);
  const caseRow = caseForActor(db, actor, req.clientCode, req.caseNo);
  const debtor = db.prepare('SELECT id, timezone, consent_window_start, consent_window_end, consent_valid_until FROM debtors WHERE id = ?').get(caseRow.debtor_id) as {
    id: string;
    timezone: string | null;
    consent_window_start: string | null;
    consent_window_end: string | null;
    consent_valid_until: string | null;
  };
  const timezone = debtor.timezone ?? client.profile.timezone;
  const contacts = db.prepare('SELECT id, phone, relation, status, updated_at FROM contact_persons WHERE debtor_id = ?').all(debtor.id) as {
    id: string;
    phone: string | null;
    relation: string;
    status: EngineContact['status'];
    updated_at: string;
  }[];
  let contact: EngineContact | null = null;
  if (req.phone) {
    const found = contacts.find((c) => c.phone === req.phone);
    // The number itself is personal data: the message names it masked, as the screens show it.
    if (!found) throw new CoreError('not_found', `${maskPhone(req.phone)} is not a contact number of case ${req.caseNo}.`, { field: 'phone' });
    contact = { id: found.id, phone: found.phone, relation: found.relation, status: found.status, refusedAt: found.status === 'refuses_contact' ? found.updated_at : null };
  }
  // Every contact with this debtor up to the end of the local day of `at` (all collectors, all the debtor's cases).
  const until = zonedInstant(addDays(localDay(req.at, timezone), 1), 0, 0, timezone).toISOString();
  const history = (
    db
      .prepare(
        `SELECT case_id AS caseId, channel, party, phone, started_at AS startedAt, result_code AS resultCode, contact_person_id AS contactPersonId, direction, consent_to_call
         FROM activities WHERE debtor_id = ? AND started_at < ? ORDER BY started_at`,
      )
      .all(debtor.id, until) as (Omit<ContactFact, 'consentToCall'> & { consent_to_call: number })[]
  ).map(({ consent_to_call, ...f }): ContactFact => ({ ...f, consentToCall: consent_to_call === 1 }));
  return {
    pack: rulePack(client.profile.rulePack),
    timezone,
    caseRow,
    contactId: contact && 'id' in contact ? (contact.id ?? null) : null,
    input: {
      now: req.at,
      timezone,
      case: { id: caseRow.id, status: caseRow.status, flags: JSON.parse(caseRow.flags) as string[] },
      debtor: {
        id: debtor.id,
        ownPhones: contacts.filter((c) => c.relation === 'self' && c.phone).map((c) => c.phone as string),
        consent:
          debtor.consent_window_start && debtor.consent_window_end && debtor.consent_valid_until
            ? { windowStart: debtor.consent_window_start, windowEnd: debtor.consent_window_end, validUntil: debtor.consent_valid_until }
            : null,
      },
      contact,
      history,
      repaymentChannels: client.profile.repaymentChannels ?? [],
    },
  };
}

export function intentOf(req: ContactRequest, extra: Partial<Intent> = {}): Intent {
  return { phase: 'pre-dial', channel: req.channel, party: req.party, phone: req.phone, ...extra };
}

/** A contact named by case id and contact-person id (the UI never holds unmasked numbers). */
export function requestForCase(db: Db, actor: Actor, caseId: string, contactId: string | null, channel: Channel, party: Party, at: Date): ContactRequest {
  const row = db.prepare('SELECT c.case_no, cl.code, c.debtor_id, c.assigned_to FROM cases c JOIN clients cl ON cl.id = c.client_id WHERE c.id = ?').get(caseId) as
    | { case_no: string; code: string; debtor_id: string; assigned_to: string | null }
    | undefined;
  if (!row || (!canSeeAllCases(actor.role) && row.assigned_to !== actor.id)) throw new CoreError('not_found', 'No such case among yours.', { field: 'caseId' });
  let phone: string | null = null;
  if (contactId) {
    const c = db.prepare('SELECT phone FROM contact_persons WHERE id = ? AND debtor_id = ?').get(contactId, row.debtor_id) as { phone: string | null } | undefined;
    if (!c) throw new CoreError('not_found', 'No such contact person on this case.', { field: 'contactId' });
    phone = c.phone;
  }
  return { clientCode: row.code, caseNo: row.case_no, channel, party, phone, at };
}
