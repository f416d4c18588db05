import type { CaseDetail } from '../../../shared/contract/workbench';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { getCaseDetail } from './case-detail';
import { unmask } from './unmask';

/**
 * The case screen with its personal data in the clear: the debtor's name, ID number, mobile and address and each
 * contact person's phone, each unmasked as the screen's eye button does it (one audited `pii.unmask` per field).
 * A timeline entry shows its number in the clear when it is one of those phones.
 */
export function getCaseDetailUnmasked(db: Db, actor: Actor, caseId: string, now: Date): CaseDetail {
  const detail = getCaseDetail(db, actor, caseId, now);
  const at = now.toISOString();
  const field = (f: 'debtorName' | 'idNumber' | 'mobile' | 'address') => unmask(db, actor, caseId, f, undefined, at);
  const name = field('debtorName');
  const debtor = { ...detail.debtor, name, idNumber: field('idNumber'), mobile: field('mobile'), homeAddress: field('address') };
  const phones = new Map(detail.contacts.map((c) => [c.id, c.phone === null ? null : unmask(db, actor, caseId, 'contactPhone', c.id, at)]));
  const known = new Set([...phones.values()].filter((p): p is string => p !== null));
  // The timeline is the debtor's (as on the screen): each entry's number and whether it reached the debtor as a contact person.
  const entries = new Map(
    (
      db
        .prepare('SELECT a.id, a.phone, cp.relation FROM activities a LEFT JOIN contact_persons cp ON cp.id = a.contact_person_id WHERE a.debtor_id = (SELECT debtor_id FROM cases WHERE id = ?)')
        .all(caseId) as { id: string; phone: string | null; relation: string | null }[]
    ).map((a) => [a.id, a]),
  );
  return {
    ...detail,
    debtor,
    contacts: detail.contacts.map((c) => ({ ...c, name: c.relation === 'self' ? name : c.name, phone: phones.get(c.id) ?? c.phone })),
    timeline: detail.timeline.map((a) => {
      const e = entries.get(a.id);
      return { ...a, phone: e?.phone && known.has(e.phone) ? e.phone : a.phone, contactName: e?.relation === 'self' ? name : a.contactName };
    }),
  };
}
