import { normalisePhone } from '../../../shared/domain/phone';
import { toHalfWidth } from '../../../shared/domain/text';

/** The personal field a search text is looked up in; a search by case number is none of them. */
export type SearchField = 'phone' | 'idNumber' | 'name';

/** What one search text may match, decided by its shape alone (never by what the store holds). */
export interface SearchTerms {
  /** the text as typed, in half-width, trimmed: matched against case numbers (exact or prefix) */
  caseNo: string;
  /** the personal field the text is looked up in when it matches no case number; null: case numbers only */
  field: SearchField | null;
  /** the value compared with that field: a normalised phone, an upper-case ID number, a name prefix */
  value: string;
  /**
   * Whether a match in that field tells more than the masked screens show: a one-character name prefix does not
   * (the queue shows every name's first character), a whole phone, an ID number or a longer name prefix does.
   */
  personal: boolean;
  /**
   * Four digits: also the last four of a phone, looked up among the actor's own cases only (the masked phone shows
   * them, so it tells nothing the mask does not, and is neither counted nor audited); null otherwise.
   */
  last4: string | null;
}

/** A resident ID card number: 18 characters (the last may be X) or the old 15 digits. */
const ID_NUMBER = /^(\d{17}[\dX]|\d{15})$/;
/** A phone number written whole: a mobile (11 digits), a landline with or without its area code, a US number. */
const WHOLE_PHONE = /^\d{7,13}$/;
/** A case number's last characters ("the last 4–6" a colleague reads out): suffixes this long are looked up. */
export const SUFFIX_LENGTH = { min: 3, max: 8 } as const;

/**
 * Reads a search box's text. Case numbers are always searched; the text is looked up in one personal field only
 * when its shape says which: an ID card number, a whole phone number (of the debtor or of any contact person), or —
 * for a text without digits — a name prefix. A few digits (a number's last four, a case number's part) are looked
 * up in no personal field: they can only name a case by its number.
 */
export function searchTerms(text: string): SearchTerms {
  const caseNo = toHalfWidth(text).trim();
  const upper = caseNo.toUpperCase();
  if (ID_NUMBER.test(upper)) return { caseNo, field: 'idNumber', value: upper, personal: true, last4: null };
  const phone = normalisePhone(caseNo);
  if (phone && WHOLE_PHONE.test(phone)) return { caseNo, field: 'phone', value: phone, personal: true, last4: null };
  if (caseNo !== '' && !/\d/.test(caseNo)) return { caseNo, field: 'name', value: caseNo, personal: [...caseNo].length > 1, last4: null };
  return { caseNo, field: null, value: '', personal: false, last4: /^\d{4}$/.test(caseNo) ? caseNo : null };
}

/**
 * The condition on `c` (cases) matching the case number, or its prefix, as typed, in upper or in lower case; each an
 * indexed range (cases_case_no).
 */
export const CASE_NO_MATCH = `(c.case_no = @search OR (c.case_no >= @search AND c.case_no < @searchEnd)
  OR (c.case_no >= @searchUpper AND c.case_no < @searchUpperEnd) OR (c.case_no >= @searchLower AND c.case_no < @searchLowerEnd))`;

/** The case number ending with the text, in any case (LIKE ignores ASCII case): read over the scoped cases. */
export const CASE_NO_SUFFIX = `c.case_no LIKE @searchSuffix ESCAPE '\\'`;

/** The debtor's mobile or a contact person's phone ending with the four digits: probed per case of the actor's own. */
export const PHONE_LAST4 = `(EXISTS (SELECT 1 FROM debtors l4 WHERE l4.id = c.debtor_id AND substr(l4.mobile, -4) = @searchLast4)
  OR EXISTS (SELECT 1 FROM contact_persons l4c WHERE l4c.debtor_id = c.debtor_id AND substr(l4c.phone, -4) = @searchLast4))`;

/** Whether the text is looked up as a case number's suffix. */
export const bySuffix = (t: SearchTerms): boolean => t.caseNo.length >= SUFFIX_LENGTH.min && t.caseNo.length <= SUFFIX_LENGTH.max;

/** The condition on `c` matching the personal field; each an indexed lookup. */
export function personalMatch(field: SearchField): string {
  switch (field) {
    case 'idNumber':
      return `c.debtor_id IN (SELECT id FROM debtors WHERE id_number = @searchValue)`;
    case 'phone':
      return `c.debtor_id IN (SELECT id FROM debtors WHERE mobile = @searchValue UNION SELECT debtor_id FROM contact_persons WHERE phone = @searchValue)`;
    case 'name':
      return `c.debtor_id IN (SELECT id FROM debtors WHERE name >= @searchValue AND name < @searchValueEnd)`;
  }
}

/** The named parameters the conditions above read. */
export function searchParams(t: SearchTerms): Record<string, string> {
  const upper = t.caseNo.toUpperCase();
  const lower = t.caseNo.toLowerCase();
  return {
    search: t.caseNo,
    searchEnd: `${t.caseNo}\uffff`,
    searchUpper: upper,
    searchUpperEnd: `${upper}\uffff`,
    searchLower: lower,
    searchLowerEnd: `${lower}\uffff`,
    searchSuffix: `%${t.caseNo.replace(/[\\%_]/g, (ch) => `\\${ch}`)}`,
    searchLast4: t.last4 ?? '',
    searchValue: t.value,
    searchValueEnd: `${t.value}\uffff`,
  };
}
