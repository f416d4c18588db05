import { toHalfWidth } from '../../domain/text';
import type { RuleSpec } from '../pack';
import { strings, type CheckContext } from '../context';
import { compileScreener, ScreeningData, screenWith, type ScreenHit, type ScreenResult } from '../screening/screen';
import type { NoteHit, Verdict } from '../types';

const compiled = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let r = compiled.get(pattern);
  if (!r) {
    r = new RegExp(pattern, 'iu');
    compiled.set(pattern, r);
  }
  return r;
}

/** The first phrase matching one of the patterns, in the text full-width folded and lower-cased, as written or with spaces removed. */
function firstPhrase(text: string, patterns: readonly string[]): string | null {
  const t = toHalfWidth(text).toLowerCase();
  for (const v of [t, t.replace(/\s+/g, '')]) {
    for (const p of patterns) {
      const m = regex(p).exec(v);
      if (m) return m[0];
    }
  }
  return null;
}

/** The last note screened and its result: CN-P and CN-PAY read the same screening of the same note. */
let last: { text: string; data: object; channels: string; result: ScreenResult } | null = null;

function screened(rule: RuleSpec, ctx: CheckContext): ScreenResult | null {
  const notes = ctx.input.intent.notes;
  if (!notes || !notes.trim()) return null;
  const parsed = ScreeningData.safeParse(rule.params.screening);
  if (!parsed.success) throw new Error(`Rule ${rule.id}: params.screening holds no screening data (the pack loader supplies it)`);
  const data = rule.params.screening as ScreeningData;
  const channels = ctx.input.repaymentChannels ?? [];
  const key = channels.join('\u0000');
  if (last && last.text === notes && last.data === data && last.channels === key) return last.result;
  const result = screenWith(notes, compileScreener(data), { repaymentChannels: channels });
  last = { text: notes, data, channels: key, result };
  return result;
}

function label(h: ScreenHit, lang: 'zh-CN' | 'en', names: Record<string, { 'zh-CN': string; en: string }>): string {
  const name = names[h.category]?.[lang] ?? h.category;
  return lang === 'en' ? `${name} ("${h.match}")` : `${name}（“${h.match}”）`;
}

/**
 * The verdict of one screening rule: a block when any of its findings is sure, else a warn that sends the
 * activity to a lead's review; the findings ride along for highlighting.
 */
function screeningVerdict(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const result = screened(rule, ctx);
  if (!result) return [];
  const hits = result.hits.filter((h) => h.rule === rule.id);
  if (hits.length === 0) return [];
  const kind = hits.some((h) => h.kind === 'block') ? 'block' : 'warn';
  const shown = hits.filter((h) => h.kind === kind);
  const names = compileScreener(rule.params.screening as ScreeningData).lex.source.categories;
  const zh = shown.map((h) => label(h, 'zh-CN', names)).join('；');
  const en = shown.map((h) => label(h, 'en', names)).join('; ');
  const noteHits: NoteHit[] = hits.map(({ category, kind: k, match, start, end, source }) => ({ category, kind: k, match, start, end, source }));
  const messages =
    kind === 'block'
      ? rule.id === 'CN-PAY'
        ? { 'zh-CN': `还款只能通过委托银行指定的官方渠道：${zh}。请改写后再保存。`, en: `Payment may only be made through the bank's designated repayment channels: ${en}. Rewrite the notes before saving.` }
        : { 'zh-CN': `备注含有禁止的催收用语：${zh}。请改写后再保存。`, en: `The notes contain prohibited collection conduct: ${en}. Rewrite them before saving.` }
      : { 'zh-CN': `备注可能含有禁止的催收用语：${zh}。保存后将送组长复核。`, en: `The notes may contain prohibited collection conduct: ${en}. They will go to a lead for review.` };
  return [ctx.verdict(rule, kind, messages, { hits: noteHits })];
}

/** CN-P, US-P: notes and free text screened for prohibited conduct. */
export function prohibitedConduct(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  return screeningVerdict(rule, ctx);
}

/** CN-PAY: a payment instruction names only the bank's designated repayment channels. */
export function paymentChannel(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  return screeningVerdict(rule, ctx);
}

/** US-TB: no threat of suit on a time-barred debt. */
export function timeBarred(rule: RuleSpec, ctx: CheckContext): Verdict[] {
  const notes = ctx.input.intent.notes;
  if (!notes || !ctx.input.case.flags.includes('time_barred')) return [];
  const phrase = firstPhrase(notes, strings(rule.params, 'patterns'));
  if (phrase === null) return [];
  return [ctx.verdict(rule, 'block', { 'zh-CN': '此债务已过诉讼时效，不得以起诉相威胁。', en: `This debt is time-barred: no threat of suit ("${phrase}").` })];
}
