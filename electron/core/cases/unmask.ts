import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { caseRowForActor } from './case-detail';

export type UnmaskField = 'debtorName' | 'idNumber' | 'mobile' | 'contactPhone' | 'address';

/** A deliberate look at one field of personal data, per case: always audited (field name and ids, never the value). */
export function unmask(db: Db, actor: Actor, caseId: string, field: UnmaskField, contactId: string | undefined, now: string): string | null {
  const row = caseRowForActor(db, actor, caseId);
  let value: string | null;
  if (field === 'contactPhone') {
    if (!contactId) throw new CoreError('invalid_input', 'Say which contact person.', { field: 'contactId' });
    const c = db.prepare('SELECT phone FROM contact_persons WHERE id = ? AND debtor_id = ?').get(contactId, row.debtor_id) as { phone: string | null } | undefined;
    if (!c) throw new CoreError('not_found', 'No such contact person on this case.', { field: 'contactId' });
    value = c.phone;
  } else {
    value = { debtorName: row.name, idNumber: row.id_number, mobile: row.mobile, address: row.home_address }[field];
  }
  db.transaction(() => appendAudit(db, { actorId: actor.id, via: actor.via, action: 'pii.unmask', entity: 'case', entityId: caseId, details: { field, contactId: contactId ?? null } }, now))();
  return value;
}
