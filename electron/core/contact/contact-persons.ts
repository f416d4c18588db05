import type { EngineContact } from '../../../shared/compliance/types';
import { uuidv7 } from '../../../shared/domain/ids';
import { maskPhone } from '../../../shared/domain/masking';
import { isValidPhone, normalisePhone } from '../../../shared/domain/phone';
import type { Relation } from '../../../shared/domain/relations';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import { caseRowForActor } from '../cases/case-detail';
import { getClient } from '../clients/clients';
import type { Db } from '../db/open';
import { CoreError } from '../errors';

export type ContactStatus = EngineContact['status'];

/** Where a contact person came from: the bank's file, or the collector on a call (with who and when). */
export const LEARNED_ON_CALL = 'call';

/**
 * Marks a number wrong, disconnected, or a person who refuses contact (CN-3P / US-C: never contacted again), or
 * valid again. A collector may mark any of them on their case; lifting a refusal is for a team lead. Audited.
 */
export function setContactStatus(db: Db, actor: Actor, caseId: string, contactId: string, status: ContactStatus, reason: string | undefined, now: string): ContactStatus {
  const row = caseRowForActor(db, actor, caseId);
  const c = db.prepare('SELECT status FROM contact_persons WHERE id = ? AND debtor_id = ?').get(contactId, row.debtor_id) as { status: ContactStatus } | undefined;
  if (!c) throw new CoreError('not_found', 'No such contact person on this case.', { field: 'contactId' });
  if (c.status === status) return status;
  if (c.status === 'refuses_contact' && actor.role === 'collector') {
    throw new CoreError('forbidden', 'This person refused contact: only a team lead can lift that.', { field: 'status' });
  }
  db.transaction(() => {
    db.prepare('UPDATE contact_persons SET status = ?, updated_at = ? WHERE id = ?').run(status, now, contactId);
    appendAudit(db, { actorId: actor.id, via: actor.via, action: 'contact.status', entity: 'contact_person', entityId: contactId, details: { caseId, from: c.status, to: status, reasonGiven: Boolean(reason) } }, now);
  })();
  return status;
}

export interface NewContact {
  relation: Relation;
  name?: string;
  phone: string;
}

/** A number valid for the client's country: a mainland mobile or landline for a Chinese pack, else 10–15 digits. */
function validNumber(phone: string, rulePack: string): boolean {
  if (rulePack.startsWith('cn')) return isValidPhone(phone);
  return /^\d{10,15}$/.test(phone) && !/^(\d)\1+$/.test(phone);
}

/**
 * A number or a contact person learned on a call, added to the debtor's contacts: source `call`, its author and
 * time recorded, audited (without the number). Shown masked like every other contact.
 */
export function addContactPerson(db: Db, actor: Actor, caseId: string, c: NewContact, now: string): string {
  const row = caseRowForActor(db, actor, caseId);
  const rulePack = getClient(db, row.client_code).profile.rulePack;
  const phone = normalisePhone(c.phone);
  if (!phone || !validNumber(phone, rulePack)) throw new CoreError('invalid_input', 'This is not a phone number that can be dialled.', { field: 'phone' });
  const name = c.name?.trim() || null;
  const existing = db.prepare('SELECT 1 FROM contact_persons WHERE debtor_id = ? AND phone = ?').get(row.debtor_id, phone);
  if (existing) throw new CoreError('conflict', `${maskPhone(phone)} is already among this debtor's contacts.`, { field: 'phone' });
  const id = uuidv7(Date.parse(now));
  db.transaction(() => {
    db.prepare(`INSERT INTO contact_persons (id, debtor_id, relation, name, phone, source, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      id, row.debtor_id, c.relation, name, phone, LEARNED_ON_CALL, now, actor.id, now,
    );
    appendAudit(db, { actorId: actor.id, via: actor.via, action: 'contact.add', entity: 'contact_person', entityId: id, details: { caseId, relation: c.relation, source: LEARNED_ON_CALL } }, now);
  })();
  return id;
}
