import { parseHand } from '../../../shared/domain/hand';
import { isNoNumber, isValidPhone, normalisePhone } from '../../../shared/domain/phone';
import { knownRelation, toRelation, type Relation } from '../../../shared/domain/relations';
import { parseResidentId } from '../../../shared/domain/resident-id';
import { normaliseStage, stageFromDays } from '../../../shared/domain/stage';
import { cleanText, toHalfWidth } from '../../../shared/domain/text';
import type { PlacementSection } from '../../../shared/profile/schema';
import { RowRejected, stripTextMark, type RowReader } from './row-reader';
import { quoted } from './limits';

export interface ContactRecord {
  relation: Relation;
  name: string | null;
  phone: string;
}

export interface PlacementRecord {
  row: number;
  caseNo: string;
  debtor: {
    name: string;
    idType: string | null;
    idNumber: string | null;
    gender: 'M' | 'F' | null;
    birthDate: string | null;
    mobile: string | null;
    homeAddress: string | null;
    workAddress: string | null;
    registeredAddress: string | null;
    employer: string | null;
  };
  case: {
    product: string | null;
    accountMasked: string | null;
    currency: string;
    principalFen: number | null;
    interestFen: number | null;
    feesFen: number | null;
    placedAmountFen: number;
    /** the file's balance column; null when the profile maps none or the cell is empty */
    balanceFen: number | null;
    overdueDays: number | null;
    stage: string | null;
    lastPaymentAt: string | null;
    lastPaymentFen: number | null;
    placedAt: string | null;
    dueBackAt: string | null;
    batchNo: string | null;
    hand: number | null;
    remarks: string | null;
  };
  contacts: ContactRecord[];
}

const DIGITS = /^\d+$/;

/**
 * Whether an ID type names the mainland resident ID card (居民身份证), whose numbers are checked (GB 11643) and give
 * gender and birth date. No type at all means it too; any other (护照, 港澳居民来往内地通行证, 台胞证…) is kept as written.
 * A bank's codes for it (`01`) are mapped to 身份证 with `valueMaps.idType`.
 */
function isResidentIdType(idType: string | null): boolean {
  return idType === null || /身份证|^id(\s*card)?$|resident/i.test(idType);
}

/** normalisePhone, skipped for a plain run of digits without a country prefix (which it returns unchanged). */
function phoneOf(text: string | null): string | null {
  return text !== null && DIGITS.test(text) && !text.startsWith('86') && !text.startsWith('0086') ? text : normalisePhone(text);
}

/** normaliseStage for the few distinct values a file holds, computed once each. */
const stages = new Map<string, string | null>();
function stageOf(text: string | null): string | null {
  if (text === null) return null;
  let v = stages.get(text);
  if (v === undefined) {
    v = normaliseStage(text);
    if (stages.size < 1000) stages.set(text, v);
  }
  return v;
}

function mapped(map: Record<string, string> | undefined, value: string | null): string | null {
  return value !== null && map?.[value] !== undefined ? map[value] : value;
}

/** A contact person's phone when it is one we could dial (mobile, or landline with area code); else null. */
function dialable(text: string | null): string | null {
  const phone = phoneOf(text);
  return phone !== null && isValidPhone(phone) ? phone : null;
}

const splitters = new Map<string, RegExp>();
const PHONE_IN = /\+?\d[\d \-–—]{5,}\d/g;
const BRACKETS = /[(（]\s*([^()（）]*?)\s*[)）]/;
const NOTES = /[(（][^()（）]*[)）]/g;
const DOCUMENTED = /^\s*([^()（）\s\d]+)\s*[(（]\s*([^()（）\s]*)\s*[)）]\s*(1[3-9]\d{9})\s*$/;
/** Spaces, dashes and colons at either end of an entry once its phone is taken out ("王芳-配偶-"). */
const EDGES = /^[\s\-–—－_:：]+|[\s\-–—－_:：]+$/g;
/** The words before the last one, and the last one, split at spaces, dashes or colons. */
const LAST_WORD = /^(.*?)[\s\-–—－_:：]+([^\s\-–—－_:：]+)$/;

/**
 * One entry of a contacts cell: "张三(配偶)13800000000" as the docs give it, and the ways banks vary it — the phone
 * before the brackets, a note after it ("(备用)"), spaces or dashes in it, no brackets ("赵六 同事 13800000002",
 * "王芳-配偶-13900000001", "丙13800000241"). An entry without a dialable phone ("李四(同事)", "张三(配偶)无", "12345") is skipped.
 */
function contactOf(part: string, words: Record<string, Relation>): ContactRecord | null {
  // The documented form with a plain mobile, as most banks write every entry: read without the search below.
  const plain = DOCUMENTED.exec(part);
  if (plain) return { name: plain[1] || null, relation: toRelation(plain[2] || null, words), phone: plain[3]! };
  const text = toHalfWidth(part);
  for (const m of text.matchAll(PHONE_IN)) {
    const phone = dialable(m[0]);
    if (!phone) continue;
    const rest = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`;
    const bracket = BRACKETS.exec(rest);
    if (bracket) {
      const outside = `${rest.slice(0, bracket.index)} ${rest.slice(bracket.index + bracket[0].length)}`;
      return { name: cleanText(outside.replace(NOTES, ' ').replace(/\s+/g, ' ')), relation: toRelation(cleanText(bracket[1]), words), phone };
    }
    // "赵六 同事", "王芳-配偶-": a last word that is a relation, after a space or a dash, is the relation.
    const entry = rest.replace(EDGES, '');
    const cut = LAST_WORD.exec(entry);
    const relation = cut ? knownRelation(cut[2] ?? null, words) : null;
    return { name: cleanText(relation !== null && cut ? (cut[1] ?? '') : entry), relation: relation ?? 'other', phone };
  }
  return null;
}

/** One contact cell: "张三(配偶)13800000000;李四(同事)13900000000". */
export function parseContactCell(text: string, separators: string, words: Record<string, Relation>): ContactRecord[] {
  let splitter = splitters.get(separators);
  if (!splitter) {
    splitter = new RegExp(`[${separators.replace(/[\\\]^-]/g, '\\$&')}]`);
    splitters.set(separators, splitter);
  }
  const out: ContactRecord[] = [];
  for (const part of text.split(splitter)) {
    const contact = contactOf(part, words);
    if (contact) out.push(contact);
  }
  return out;
}

function contactsOf(r: RowReader, section: PlacementSection, words: Record<string, Relation>, debtorName: string): ContactRecord[] {
  const spec = section.contacts;
  if (!spec) return [];
  if ('cell' in spec) {
    const text = r.text('contacts.cell');
    return text ? parseContactCell(text, spec.separators, words) : [];
  }
  const out: ContactRecord[] = [];
  spec.columns.forEach((group, i) => {
    const phones = phonesIn(r.text(`contacts.${i}.phone`)).map(dialable).filter((p): p is string => p !== null);
    if (phones.length === 0) return;
    const word = r.text(`contacts.${i}.relation`);
    const relation = word === null && group.relationIs ? group.relationIs : toRelation(word, words);
    const name = r.text(`contacts.${i}.name`) ?? (relation === 'self' ? debtorName : null);
    for (const phone of phones) out.push({ name, relation, phone });
  });
  return out;
}

/** The debtor's numbers after the first in the mobile cell, those one could dial, each once. */
function ownOtherPhones(texts: string[], mobile: string | null): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    const phone = dialable(t);
    if (phone !== null && phone !== mobile) out.add(phone);
  }
  return [...out];
}

/** The separators a bank puts between two numbers in one phone cell (13800000003/13900000003). */
const PHONE_SEPARATORS = /[/／,，;；、|]/;

/** The numbers of one phone cell: usually one; several when the bank lists more than one; none where it says so (无, 00000000000). */
function phonesIn(text: string | null): string[] {
  if (text === null) return [];
  if (!PHONE_SEPARATORS.test(text)) return isNoNumber(text) ? [] : [text];
  return text.split(PHONE_SEPARATORS).map((p) => p.trim()).filter((p) => p !== '' && !isNoNumber(p));
}

/** Maps and validates one placement row; throws RowRejected naming the first bad field. */
export function mapPlacementRow(r: RowReader, row: number, caseNo: string, section: PlacementSection, words: Record<string, Relation>): PlacementRecord {
  const name = r.required('debtorName');
  r.exactKey('idNumber');
  let idNumber: string | null = r.text('idNumber');
  if (idNumber !== null) idNumber = stripTextMark(idNumber) || null;
  const idType = mapped(section.valueMaps?.idType, r.text('idType')) ?? section.defaults?.idType ?? (idNumber ? '身份证' : null);
  let gender: 'M' | 'F' | null = null;
  let birthDate: string | null = null;
  if (idNumber !== null && isResidentIdType(idType)) {
    const id = parseResidentId(idNumber);
    if (!id.ok) throw new RowRejected('idNumber', id.code);
    ({ idNumber, gender, birthDate } = id);
  } else if (idNumber !== null) {
    // A passport or a travel permit: kept as written (half-width, without spaces, upper case), nothing derived.
    idNumber = toHalfWidth(idNumber).replace(/\s+/g, '').toUpperCase();
  }
  // A cell with two numbers gives the debtor's mobile (the first) and another number of the debtor's own.
  const [mobileText = null, ...otherPhones] = phonesIn(r.text('mobile'));
  const mobile = phoneOf(mobileText);
  // The value is not repeated in the message: rejects are shown and exported, and a phone is personal data.
  if (mobileText !== null && (!mobile || !isValidPhone(mobile))) throw new RowRejected('mobile', 'invalid');
  // Both may be negative here: a later delivery's credit balance (the debtor overpaid) in a column that is also the
  // placed amount. The writer refuses a negative placed amount for a case it places, and a credit balance is nothing owed.
  const placedAmountFen = r.amount('placedAmount', true, true) as number;
  const principalFen = r.amount('principal');
  const interestFen = r.amount('interest');
  const feesFen = r.amount('fees');
  const signedBalance = r.amount('balance', false, true);
  const balanceFen = signedBalance === null ? null : Math.max(0, signedBalance);
  const overdueDays = r.integer('overdueDays');
  const lastPaymentAt = r.date('lastPaymentAt');
  const lastPaymentFen = r.amount('lastPaymentAmount');
  const placedAt = r.date('placedAt');
  const dueBackAt = r.date('dueBackAt');
  const handText = r.text('hand');
  const hand = handText === null ? null : parseHand(handText);
  if (handText !== null && hand === null) throw new RowRejected('hand', 'not_a_number', quoted(handText));
  const currency = (mapped(section.valueMaps?.currency, r.text('currency')) ?? section.defaults?.currency ?? 'CNY').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new RowRejected('currency', 'invalid', quoted(currency));
  return {
    row,
    caseNo,
    debtor: {
      name,
      idType,
      idNumber,
      gender,
      birthDate,
      mobile,
      homeAddress: r.text('homeAddress'),
      workAddress: r.text('workAddress'),
      registeredAddress: r.text('registeredAddress'),
      employer: r.text('employer'),
    },
    case: {
      product: mapped(section.valueMaps?.product, r.text('product')),
      accountMasked: r.text('accountMasked'),
      currency,
      principalFen,
      interestFen,
      feesFen,
      placedAmountFen,
      balanceFen,
      overdueDays,
      stage: stageOf(mapped(section.valueMaps?.stage, r.text('stage'))) ?? (section.stageFromOverdueDays && overdueDays !== null ? stageFromDays(overdueDays) : null),
      lastPaymentAt,
      lastPaymentFen,
      placedAt,
      dueBackAt,
      batchNo: r.text('batchNo'),
      hand,
      remarks: r.text('remarks'),
    },
    contacts: [...ownOtherPhones(otherPhones, mobile).map((phone) => ({ name, relation: 'self' as const, phone })), ...contactsOf(r, section, words, name)],
  };
}
