import { isNegated, isReported, type Clause } from './clauses';
import type { CompiledLexicon, CompiledRule, RulePart } from './lexicon';

/** A rule that fired, on the normalised text. */
export interface RuleHit {
  ruleId: string;
  category: string;
  kind: 'block' | 'warn';
  /** normalised offsets of the words that triggered it */
  from: number;
  to: number;
  clause: Clause;
  /** the words are someone else's (reported speech) */
  reported: boolean;
}

interface Found {
  clause: Clause;
  from: number;
  to: number;
}

/** Which matches count: negated ones never (unless the pattern carries its own negation); for a head, not a reporting verb. */
interface FindOptions {
  checkNegation: boolean;
  /** skip matches inside a marker of reported speech (客户说: the 说 is nobody's telling) */
  skipMarkers: boolean;
  /** only matches on this side of the reported-speech boundary */
  reported?: boolean;
}

/** The first match of `re` in one of the clauses that counts. */
function findIn(re: RegExp, clauses: readonly Clause[], lex: CompiledLexicon, opts: FindOptions): Found | null {
  for (const c of clauses) {
    re.lastIndex = 0;
    for (let m = re.exec(c.text); m; m = re.exec(c.text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const from = c.start + m.index;
      const to = from + m[0].length;
      if (opts.checkNegation && isNegated(c, m.index, lex)) continue;
      if (opts.skipMarkers && c.markers.some(([a, b]) => from < b && to > a)) continue;
      if (opts.reported !== undefined && isReported(c, from) !== opts.reported) continue;
      return { clause: c, from, to };
    }
  }
  return null;
}

function mitigated(part: RulePart, clauses: readonly Clause[], lex: CompiledLexicon, channels: readonly string[], reported: boolean): boolean {
  if (part === 'channels') return channels.length > 0 && clauses.some((c) => channels.some((ch) => c.text.includes(ch)));
  return findIn(part, clauses, lex, { checkNegation: true, skipMarkers: false, reported }) !== null;
}

/** Where one rule fires in one clause (its head there), or null. */
function fireAt(rule: CompiledRule, clause: Clause, sentence: readonly Clause[], lex: CompiledLexicon, channels: readonly string[]): RuleHit | null {
  const [head, ...rest] = rule.all;
  if (!head) return null;
  const window = sentence.slice(Math.max(0, clause.index - rule.window), clause.index + rule.window + 1);
  const first = findIn(head, [clause], lex, { checkNegation: !rule.ownNegation, skipMarkers: true });
  if (!first) return null;
  // The other parts of a relation are on the same side of the reported-speech boundary as its act.
  const reported = isReported(clause, first.from);
  let from = first.from;
  let to = first.to;
  for (const part of rest) {
    const f = findIn(part, window, lex, { checkNegation: true, skipMarkers: false, reported });
    if (!f) return null;
    // The words shown to the collector: the whole relation when it sits in one short stretch, else the act.
    if (f.clause === clause && Math.max(to, f.to) - Math.min(from, f.from) <= 24) {
      from = Math.min(from, f.from);
      to = Math.max(to, f.to);
    }
  }
  if (rule.none.some((p) => mitigated(p, window, lex, channels, reported))) return null;
  return { ruleId: rule.id, category: rule.category, kind: rule.kind, from, to, clause, reported };
}

const anchored = new WeakMap<RegExp, boolean>();

/** Whether a pattern uses ^ or $ (outside a character class): it then matches at a clause's edges, not the note's. */
function isAnchored(re: RegExp): boolean {
  let known = anchored.get(re);
  if (known === undefined) {
    known = false;
    let inClass = false;
    const src = re.source;
    for (let i = 0; i < src.length; i++) {
      const ch = src[i];
      if (ch === '\\') i++;
      else if (inClass) inClass = ch !== ']';
      else if (ch === '[') inClass = true;
      else if (ch === '^' || ch === '$') known = true;
    }
    anchored.set(re, known);
  }
  return known;
}

/** The clauses a match of `re` anywhere in the note touches (all of them for a pattern anchored at a clause's edge). */
function candidates(re: RegExp, text: string, clauses: readonly Clause[]): Set<Clause> {
  const out = new Set<Clause>();
  if (isAnchored(re)) {
    for (const c of clauses) out.add(c);
    return out;
  }
  re.lastIndex = 0;
  let k = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const from = m.index;
    const to = from + Math.max(1, m[0].length);
    if (m[0].length === 0) re.lastIndex++;
    while (k < clauses.length && (clauses[k] as Clause).end <= from) k++;
    for (let j = k; j < clauses.length && (clauses[j] as Clause).start < to; j++) out.add(clauses[j] as Clause);
  }
  return out;
}

/** Every rule of the lexicon over the note's clauses: at most one hit per rule and clause. */
export function ruleHits(text: string, clauses: readonly Clause[], lex: CompiledLexicon, channels: readonly string[]): RuleHit[] {
  const sentences = new Map<number, Clause[]>();
  for (const c of clauses) {
    const list = sentences.get(c.sentence);
    if (list) list.push(c);
    else sentences.set(c.sentence, [c]);
  }
  const hits: RuleHit[] = [];
  for (const rule of lex.rules) {
    const head = rule.all[0];
    if (!head) continue;
    // Only the clauses where its act appears can fire (clauses are in text order).
    for (const clause of clauses.length > 1 ? [...candidates(head, text, clauses)] : clauses) {
      const hit = fireAt(rule, clause, sentences.get(clause.sentence) as Clause[], lex, channels);
      if (hit) hits.push(hit);
    }
  }
  return hits;
}
