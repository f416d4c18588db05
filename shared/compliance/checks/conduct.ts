import { toHalfWidth } from '../../domain/text';
import type { RuleSpec } from '../pack';
import { strings, type CheckContext } from '../context';
import type { Verdict } from '../types';

const CATEGORY_WORDS: Record<string, [string, string]> = {
  threat: ['威胁恐吓', 'threats or intimidation'],
  insult: ['侮辱谩骂', 'insults'],
  violence: ['暴力', 'violence'],
  impersonation: ['冒充公检法或政府', 'impersonating police, courts or government'],
  addressBook: ['骚扰通讯录、工作单位或家人', 'contacting or exposing to address books, employers or family'],
  nonBankPayment: ['要求向非银行账户还款', 'demanding payment to a non-bank account'],
  suitThreat: ['威胁起诉', 'threat of suit'],
};

const compiled = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let r = compiled.get(pattern);
  if (!r) {
    r = new RegExp(pattern, 'iu');
    compiled.set(pattern, r);
  }
  return r;
}

/** Notes as screened: full-width folded and lower-cased, tested both as written and with all spaces removed. */
function forms(text: string): string[] {
  const t = toHalfWidth(text).toLowerCase();
  return [t, t.replace(/\s+/g, '')];
}

export interface Hit {
  category: string;
  phrase: string;
}

/** The first phrase of each category found in the text. */
export function screenText(text: string, categories: Record<string, readonly string[]>): Hit[] {
  const hits: Hit[] = [];
  const variants = forms(text);
  for (const [category, patterns] of Object.entries(categories)) {
    for (const p of patterns) {
      const m = variants.map((v) => regex(p).exec(v)).find((x) => x);
      if (m) {
        hits.push({ category, phrase: m[0] });
        break;
      }
    }
  }
  return hits;
}

function categoriesOf(rule: RuleSpec): Record<string, string[]> {
  const raw = rule.params.categories;
  if (!raw || typeof raw !== 'object') return {};
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : []]));
}

function describe(hits: Hit[]): { zh: string; en: string } {
  return {
    zh: hits.map((h) => `${CATEGORY_WORDS[h.category]?.[0] ?? h.category}（“${h.phrase}”）`).join('；'),
    en: hits.map((h) => `${CATEGORY_WORDS[h.category]?.[1] ?? h.category} ("${h.phrase}")`).join('; '),
  };
}

/** CN-P: notes and free text screened for prohibited conduct; a hit blocks saving until rewritten. */
export function prohibitedConduct(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const notes = ctx.input.intent.notes;
  if (!notes) return [];
  const hits = screenText(notes, categoriesOf(rule));
  if (hits.length === 0) return [];
  const d = describe(hits);
  return [ctx.verdict(rule, 'block', { 'zh-CN': `备注含有禁止的催收用语：${d.zh}。请改写后再保存。`, en: `The notes contain prohibited collection conduct: ${d.en}. Rewrite them before saving.` })];
}

/** CN-PAY: a payment instruction names only the bank's designated repayment channels. */
export function paymentChannel(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const notes = ctx.input.intent.notes;
  if (!notes) return [];
  const hits = screenText(notes, { nonBankPayment: strings(rule.params, 'patterns') });
  if (hits.length === 0) return [];
  return [
    ctx.verdict(rule, 'block', {
      'zh-CN': `还款只能通过委托银行指定的官方渠道（“${hits[0]?.phrase}”）。`,
      en: `Payment may only be made through the bank's designated repayment channels ("${hits[0]?.phrase}").`,
    }),
  ];
}

/** US-TB: no threat of suit on a time-barred debt. */
export function timeBarred(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const notes = ctx.input.intent.notes;
  if (!notes || !ctx.input.case.flags.includes('time_barred')) return [];
  const hits = screenText(notes, { suitThreat: strings(rule.params, 'patterns') });
  if (hits.length === 0) return [];
  return [ctx.verdict(rule, 'block', { 'zh-CN': '此债务已过诉讼时效，不得以起诉相威胁。', en: `This debt is time-barred: no threat of suit ("${hits[0]?.phrase}").` })];
}
