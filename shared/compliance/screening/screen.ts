import { z } from 'zod';
import type { RulePack } from '../pack';
import { negatedSpans, splitClauses, type Clause } from './clauses';
import { compileLexicon, type CompiledLexicon } from './lexicon';
import { evidence, featureNames, MIN_BLOCK_SUPPORT, NoteModel, score, support, textMargin } from './model';
import { normalizeNote } from './normalize';
import { ruleHits } from './relations';

export type ScreenKind = 'block' | 'warn';

/** One finding in a note, with offsets into the text as the collector typed it (for highlighting). */
export interface ScreenHit {
  /** the pack rule: CN-P, CN-PAY, US-P */
  rule: string;
  /** threat, insult, violence, impersonation, exposure, nonBankPayment; threat, profanity, falseRepresentation, disclosure */
  category: string;
  kind: ScreenKind;
  /** the words that triggered it, as written */
  match: string;
  start: number;
  end: number;
  /** the lexicon's relation rules, or the learned model */
  source: 'rules' | 'model';
}

export interface ScreenResult {
  verdict: ScreenKind | 'pass';
  hits: ScreenHit[];
}

/** What a client profile contributes: its designated repayment channels (CN-PAY). */
export interface ScreeningProfile {
  repaymentChannels?: readonly string[];
}

/** The screening data a rule of a pack carries (params.screening): the language's lexicon and model. */
export const ScreeningData = z.object({ lexicon: z.unknown(), model: z.unknown().optional() }).strict();
export type ScreeningData = z.infer<typeof ScreeningData>;

export interface Screener {
  lex: CompiledLexicon;
  model: NoteModel | null;
}

const compiled = new WeakMap<object, Screener>();

/** Validates and compiles screening data once per data object. */
export function compileScreener(data: ScreeningData): Screener {
  let s = compiled.get(data);
  if (!s) {
    s = { lex: compileLexicon(data.lexicon), model: data.model === undefined ? null : NoteModel.parse(data.model) };
    compiled.set(data, s);
  }
  return s;
}

/** The profile's channels in screened form, and their distinctive parts (手机银行App“还款” → 手机银行app). */
function channelTerms(channels: readonly string[], lex: CompiledLexicon): string[] {
  const terms = new Set<string>();
  for (const ch of channels) {
    const norm = normalizeNote(ch, lex.rewrites).text;
    const bare = norm.replace(/[“”"「」『』‘’'].*?[“”"「」『』‘’']/gu, '').replace(/[^\p{L}\p{N}]+/gu, '');
    if (bare.length >= 2) terms.add(bare);
    for (const part of norm.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) terms.add(part);
  }
  return [...terms];
}

function strongest(a: ScreenKind | 'pass', b: ScreenKind | 'pass'): ScreenKind | 'pass' {
  return a === 'block' || b === 'block' ? 'block' : a === 'warn' || b === 'warn' ? 'warn' : 'pass';
}

/** The collector's own words in a clause: before any reported speech, without what a negation governs. */
function ownWords(c: Clause, lex: CompiledLexicon): string {
  const end = (c.reportedFrom ?? c.end) - c.start;
  let out = '';
  let at = 0;
  for (const [from, to] of negatedSpans(c, lex)) {
    if (from >= end) break;
    out += `${c.text.slice(at, from)} `;
    at = Math.max(at, to);
  }
  return at < end ? out + c.text.slice(at, end) : out;
}

/**
 * The model's inputs for a note: the features of the whole note (with markers for reported speech and fraud
 * warnings) and those of the collector's own words alone (reported speech, fraud warnings and negated
 * stretches left out: none of them is the collector's conduct, so none of them may block).
 */
export function modelInputs(text: string, clauses: readonly Clause[], kind: NoteModel['features'], lex: CompiledLexicon): { all: string[]; own: string[]; ownClauses: Clause[] } {
  const ownClauses = clauses.filter((c) => !c.fraudWarning && c.reportedFrom !== c.start);
  const ownText = ownClauses.map((c) => ownWords(c, lex)).join(' ');
  const markers = [...(clauses.some((c) => c.reportedFrom !== null) ? ['reported'] : []), ...(clauses.some((c) => c.fraudWarning) ? ['fraud'] : [])];
  return { all: featureNames(text, kind, markers), own: featureNames(ownText, kind), ownClauses };
}

/** A note normalised and split into clauses, as the rules and the model read it. */
export function prepareNote(text: string, lex: CompiledLexicon): { norm: ReturnType<typeof normalizeNote>; clauses: Clause[] } {
  const norm = normalizeNote(text, lex.rewrites);
  return { norm, clauses: splitClauses(norm.text, lex) };
}

/** The learned layer: blocks on the collector's own clauses, sends the whole note to review when unsure. */
function modelHit(s: Screener, text: string, clauses: readonly Clause[], original: (from: number, to: number) => string, span: (from: number, to: number) => { start: number; end: number }): ScreenHit | null {
  const model = s.model;
  if (!model) return null;
  const inputs = modelInputs(text, clauses, model.features, s.lex);
  const own = inputs.ownClauses;
  const ownScore = score(model, inputs.own);
  const allScore = score(model, inputs.all);
  let kind: ScreenKind;
  let category: string;
  let where: readonly Clause[];
  // The words themselves must point to the category: a short note is not flagged on the model's prior alone.
  if (
    own.length > 0 &&
    ownScore.prohibited >= model.thresholds.block &&
    textMargin(model, inputs.own, ownScore.category) > 0 &&
    support(model, inputs.own, ownScore.category) >= MIN_BLOCK_SUPPORT
  ) {
    kind = 'block';
    category = ownScore.category;
    where = own;
  } else if (allScore.prohibited >= model.thresholds.warn && textMargin(model, inputs.all, allScore.category) > 0) {
    kind = 'warn';
    category = allScore.category;
    where = clauses;
  } else {
    return null;
  }
  const mask = text.split('').map(() => ' ');
  for (const c of where) for (let i = c.start; i < (kind === 'block' ? (c.reportedFrom ?? c.end) : c.end); i++) mask[i] = text[i] as string;
  const ev = evidence(model, mask.join(''), category);
  const rule = s.lex.source.categories[category]?.rule;
  if (!ev || !rule) return null;
  return { rule, category, kind, match: original(ev.from, ev.to), ...span(ev.from, ev.to), source: 'model' };
}

/** Screens one note with one language's screener. */
export function screenWith(text: string, s: Screener, profile: ScreeningProfile = {}): ScreenResult {
  const { norm, clauses } = prepareNote(text, s.lex);
  const span = (from: number, to: number) => norm.original(from, to);
  const original = (from: number, to: number) => {
    const { start, end } = span(from, to);
    return text.slice(start, end);
  };
  const channels = channelTerms(profile.repaymentChannels ?? [], s.lex);
  const hits: ScreenHit[] = [];
  for (const h of ruleHits(norm.text, clauses, s.lex, channels)) {
    // A warning against fraud names the fraudsters' tricks (冒充公检法, 转到个人账户): those are nothing; anything
    // else in it is not the collector's conduct either, so at most a warn. So is reported speech.
    if (h.clause.fraudWarning && s.lex.fraudCategories.has(h.category)) continue;
    const rule = s.lex.source.categories[h.category]?.rule as string;
    const kind = h.reported || h.clause.fraudWarning ? 'warn' : h.kind;
    hits.push({ rule, category: h.category, kind, match: original(h.from, h.to), ...span(h.from, h.to), source: 'rules' });
  }
  const m = modelHit(s, norm.text, clauses, original, span);
  // The profile's own channels, named in the note, clear what the model suspects of a category whose rules accept them.
  const cleared = m !== null && channels.some((c) => norm.text.includes(c)) && s.lex.rules.some((r) => r.category === m.category && r.none.includes('channels'));
  // The model speaks where the rules are silent or less sure: it never adds a second opinion to a stronger finding.
  const rulesVerdict = hits.reduce<ScreenKind | 'pass'>((v, h) => strongest(v, h.kind), 'pass');
  if (m && !cleared && (rulesVerdict === 'pass' || (rulesVerdict === 'warn' && m.kind === 'block'))) hits.push(m);
  const merged = mergeOverlapping(hits, text);
  return { verdict: merged.reduce<ScreenKind | 'pass'>((v, h) => strongest(v, h.kind), 'pass'), hits: merged };
}

/** Findings of one rule, category and kind whose spans overlap become one; the strongest come first, then by place. */
function mergeOverlapping(hits: readonly ScreenHit[], text: string): ScreenHit[] {
  const sorted = [...hits].sort((a, b) => (a.kind === b.kind ? a.start - b.start || b.end - a.end : a.kind === 'block' ? -1 : 1));
  const out: ScreenHit[] = [];
  for (const h of sorted) {
    const same = out.find((o) => o.rule === h.rule && o.category === h.category && o.kind === h.kind && h.start < o.end && o.start < h.end);
    if (!same) {
      out.push({ ...h });
      continue;
    }
    same.start = Math.min(same.start, h.start);
    same.end = Math.max(same.end, h.end);
    same.match = text.slice(same.start, same.end);
    if (h.source !== same.source) same.source = 'rules';
  }
  return out;
}

/** The screening data of the pack's note-screening rules (CN-P, CN-PAY, US-P), one per language. */
export function screenersOf(pack: RulePack): Screener[] {
  const out: Screener[] = [];
  for (const r of pack.rules) {
    if (r.check !== 'prohibitedConduct' && r.check !== 'paymentChannel') continue;
    const raw = r.params.screening;
    if (raw === undefined) continue;
    const parsed = ScreeningData.safeParse(raw);
    if (!parsed.success) throw new Error(`Rule ${r.id} of pack ${pack.id}: its screening data was not loaded (params.screening is ${JSON.stringify(raw).slice(0, 40)})`);
    const s = compileScreener(raw as ScreeningData);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

/**
 * Screens a note as the pack's rules do: every finding names its rule, category, the words and where they
 * are in `text`; the verdict is the strongest finding ('block' stops saving, 'warn' sends it to review).
 * Findings for rules the pack does not hold are left out.
 */
export function screenNote(text: string, pack: RulePack, profile: ScreeningProfile = {}): ScreenResult {
  const ruleIds = new Set(pack.rules.map((r) => r.id));
  const hits = screenersOf(pack)
    .flatMap((s) => screenWith(text, s, profile).hits)
    .filter((h) => ruleIds.has(h.rule));
  return { verdict: hits.reduce<ScreenKind | 'pass'>((v, h) => strongest(v, h.kind), 'pass'), hits };
}
