import type { CompiledLexicon } from './lexicon';

/** One clause of a normalised note, and whose conduct it records. */
export interface Clause {
  /** offsets into the normalised text */
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** position within its sentence */
  index: number;
  /** someone else's words (the debtor's, a relative's) from this normalised offset on, to the clause's end; null: none */
  reportedFrom: number | null;
  /** the markers of reported speech in it (客户称, consumer said): the reporting verb is no act of the collector */
  markers: [number, number][];
  /** part of a warning to the debtor against fraud */
  fraudWarning: boolean;
}

const SENTENCE_END = /[。!?\n…]/;
const CLAUSE_END = /[,，:：;；]/;
const OPEN_QUOTE: Record<string, string> = { '“': '”', '「': '」', '『': '』', '‘': '’' };

/** [start, end) of each sentence: split at end punctuation and line breaks, never inside a quotation. */
function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const closers: string[] = [];
  let ascii = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (OPEN_QUOTE[ch]) closers.push(OPEN_QUOTE[ch] as string);
    else if (closers.length && ch === closers[closers.length - 1]) closers.pop();
    else if (ch === '"') ascii = !ascii;
    if (ch === '\n') {
      closers.length = 0;
      ascii = false;
    }
    if (closers.length || ascii) continue;
    // A full stop ends a sentence when a space or the end follows it (not 3.5, not w/o.); ! and ? inside a
    // word mask a letter (sh!t), they end nothing.
    const inWord = /[a-z]/.test(text[i - 1] ?? '') && /[a-z]/.test(text[i + 1] ?? '');
    const stop = (SENTENCE_END.test(ch) && !inWord) || (ch === '.' && !/\d/.test(text[i + 1] ?? '') && (i + 1 >= text.length || /\s/.test(text[i + 1] as string)));
    if (stop) {
      if (i + 1 > start) out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) out.push([start, text.length]);
  return out.filter(([a, b]) => text.slice(a, b).trim() !== '');
}

/** [start, end) of each clause within a sentence: split at commas and colons (not 3,400). */
function clausesOf(text: string, [from, to]: [number, number]): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const ch = text[i] as string;
    if (CLAUSE_END.test(ch) && !(ch === ',' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))) {
      if (i + 1 > start) out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < to) out.push([start, to]);
  return out;
}

/** The spans [from, to) of every match of `re` in `s`. */
function matchesIn(re: RegExp, s: string): [number, number][] {
  re.lastIndex = 0;
  const at: [number, number][] = [];
  for (let m = re.exec(s); m; m = re.exec(s)) {
    at.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return at;
}

/**
 * The note's clauses, each marked with who speaks in it: a marker of reported speech (客户称, 他说, consumer
 * stated) makes the rest of its clause and of its sentence someone else's words, until a clause that starts as
 * the collector's own again (已告知, 我说, advised consumer); a fraud warning marks its whole sentence.
 */
export function splitClauses(text: string, lex: CompiledLexicon): Clause[] {
  const out: Clause[] = [];
  sentences(text).forEach((span, sentence) => {
    const sText = text.slice(span[0], span[1]);
    const parts = clausesOf(text, span);
    const fraud = lex.fraud.some((re) => matchesIn(re, sText).length > 0);
    const markers: [number, number][] = [];
    for (const re of lex.reported) {
      for (const [from, to] of matchesIn(re, sText)) {
        if (lex.addressee.test(sText.slice(Math.max(0, from - 8), from))) continue;
        markers.push([span[0] + from, span[0] + to]);
      }
    }
    let carried = false;
    parts.forEach(([a, b], index) => {
      const cText = text.slice(a, b);
      const own = markers.filter(([from]) => from >= a && from < b);
      if (carried && own.length === 0 && lex.collector.test(cText)) carried = false;
      const reportedFrom = carried ? a : own.length ? Math.min(...own.map(([from]) => from)) : null;
      out.push({ start: a, end: b, text: cText, sentence, index, reportedFrom, markers: own, fraudWarning: fraud });
      if (reportedFrom !== null) carried = true;
    });
  });
  return out;
}

/** Whether the words at normalised offset `at` are someone else's. */
export function isReported(clause: Clause, at: number): boolean {
  return clause.reportedFrom !== null && at >= clause.reportedFrom;
}

/**
 * Whether the words at `at` in the clause are negated: a negation cue (不会, 未, not, never) ends at most
 * `maxGap` characters before them, with nothing between that starts a new proposition (就, then, if you pay).
 */
export function isNegated(clause: Clause, at: number, lex: CompiledLexicon): boolean {
  // Only the stretch a cue may end in matters (cues are short): a long clause is not scanned from its start.
  const before = clause.text.slice(Math.max(0, at - lex.maxGap - 12), at);
  if (lex.negationAdjacent?.test(before)) return true;
  const re = lex.negationCue;
  re.lastIndex = 0;
  let lastEnd = -1;
  for (let m = re.exec(before); m; m = re.exec(before)) {
    lastEnd = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  if (lastEnd < 0 || before.length - lastEnd > lex.maxGap) return false;
  return !lex.negationBreaks.test(before.slice(lastEnd));
}

/**
 * The stretches of a clause (offsets within it) that a negation cue governs: from the cue to the next break
 * (就, then, a comma) or the clause's end. What is said there is not the collector's conduct.
 */
export function negatedSpans(clause: Clause, lex: CompiledLexicon): [number, number][] {
  const out: [number, number][] = [];
  const t = clause.text;
  const re = lex.negationCue;
  re.lastIndex = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const from = m.index;
    const rest = t.slice(from + m[0].length);
    const stop = rest.search(lex.negationBreaks);
    const to = stop < 0 ? t.length : from + m[0].length + stop;
    out.push([from, to]);
    re.lastIndex = Math.max(re.lastIndex, to);
  }
  return out;
}
