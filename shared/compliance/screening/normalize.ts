import { MappedText } from './mapped-text';
import { toSimplified } from './t2s';

/**
 * Characters that render as nothing and would split a phrase without a reader seeing it: format characters
 * (zero-width space, joiners, word joiner, soft hyphen, bidi embeddings/overrides/isolates, BOM, tag
 * characters, invisible operators), variation selectors, the combining grapheme joiner and Hangul fillers.
 */
const FORMAT = /^\p{Cf}$/u;
const OTHER_INVISIBLE: readonly [number, number][] = [
  [0x034f, 0x034f], // combining grapheme joiner
  [0x115f, 0x1160], // Hangul choseong / jungseong fillers
  [0x3164, 0x3164], // Hangul filler
  [0xffa0, 0xffa0], // half-width Hangul filler
  [0xfe00, 0xfe0f], // variation selectors
  [0xe0000, 0xe007f], // tag characters
  [0xe0100, 0xe01ef], // variation selectors supplement
];
const MARK = /^\p{M}$/u;
const LATIN_WITH_MARKS = /[a-z]/;
/** Cyrillic and Greek letters that look like Latin ones, used to slip an English word past a filter. */
const CONFUSABLE: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Between two Chinese characters these only pad a phrase out (去 你 家, 去*你*家): they are dropped. */
const CJK_PADDING = /[\s*·•・_~^`'"\-.|/\\]/;

function isInvisible(ch: string): boolean {
  if (FORMAT.test(ch)) return true;
  const cp = ch.codePointAt(0) as number;
  return OTHER_INVISIBLE.some(([a, b]) => cp >= a && cp <= b);
}

/** Code points of the text with their offsets; a base character keeps its combining marks. */
function clusters(text: string): { s: string; from: number; to: number }[] {
  const out: { s: string; from: number; to: number }[] = [];
  let i = 0;
  for (const ch of text) {
    const from = i;
    i += ch.length;
    if (isInvisible(ch)) continue;
    const last = out[out.length - 1];
    if (MARK.test(ch) && last && last.to === from) {
      last.s += ch;
      last.to = i;
    } else {
      out.push({ s: ch, from, to: i });
    }
  }
  return out;
}

/** Characters that fold to themselves: Chinese ideographs, lower-case ASCII letters, digits, common punctuation. */
const STABLE = /^[\u4e00-\u9fff a-z0-9,.!?;:'"()-]$/;

/** One cluster in its compared form: compatibility-folded (full width → half width), lower case, Latin without accents. */
function fold(s: string): string {
  if (STABLE.test(s)) return s;
  if (s.length === 1 && s >= 'A' && s <= 'Z') return s.toLowerCase();
  let t = s.normalize('NFKC').toLowerCase();
  t = CONFUSABLE[t] ?? t;
  if (t.length > 1 || LATIN_WITH_MARKS.test(t.normalize('NFD')[0] ?? '')) t = t.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  return t;
}

function stepFold(text: string): MappedText {
  const src = MappedText.identity(text);
  const b = src.builder();
  // Characters that fold to themselves go through in runs; the others one cluster at a time.
  let runStart = -1;
  let lastTo = -1;
  const flush = (at: number) => {
    if (runStart >= 0) b.pushAligned(text.slice(runStart, at), runStart);
    runStart = -1;
  };
  for (const c of clusters(text)) {
    if (c.to - c.from === 1 && STABLE.test(c.s)) {
      // A run is contiguous in the original: an invisible character dropped between ends it.
      if (runStart < 0) runStart = c.from;
      else if (lastTo !== c.from) {
        flush(lastTo);
        runStart = c.from;
      }
      lastTo = c.to;
      continue;
    }
    flush(lastTo);
    b.push(fold(c.s), c.from, c.to);
    lastTo = c.to;
  }
  flush(lastTo);
  return b.build();
}

/** Runs of white space become one space; padding between two Chinese characters goes. */
function stepSpaces(m: MappedText): MappedText {
  const t = m.text;
  if (!/[\s*·•・_~^`'"\-.|/\\]/.test(t)) return m;
  const b = m.builder();
  let i = 0;
  let runStart = 0;
  while (i < t.length) {
    const ch = t[i] as string;
    if (!CJK_PADDING.test(ch)) {
      i++;
      continue;
    }
    if (i > runStart) b.pushAligned(t.slice(runStart, i), runStart);
    let j = i;
    while (j < t.length && CJK_PADDING.test(t[j] as string)) j++;
    const prev = i > 0 ? (t[i - 1] as string) : '';
    const next = j < t.length ? (t[j] as string) : '';
    const run = t.slice(i, j);
    if (CJK.test(prev) && CJK.test(next) && j - i <= 3) {
      // dropped
    } else if (/^\s+$/.test(run)) {
      b.push(' ', i, j);
    } else {
      b.pushAligned(run, i);
    }
    i = j;
    runStart = j;
  }
  if (t.length > runStart) b.pushAligned(t.slice(runStart), runStart);
  return b.build();
}

/** Traditional → simplified; character by character where a phrase changed the length (offsets stay exact). */
function stepSimplified(m: MappedText): MappedText {
  if (!CJK.test(m.text)) return m;
  const whole = toSimplified(m.text);
  const b = m.builder();
  if (whole.length === m.text.length) {
    b.pushAligned(whole, 0);
    return b.build();
  }
  for (let i = 0; i < m.text.length; i++) b.push(toSimplified(m.text[i] as string), i, i + 1);
  return b.build();
}

export interface Rewrite {
  from: string;
  to: string;
}

const LATIN = /[a-z0-9]/;

/**
 * Collectors' abbreviations, pinyin initials and homophone spellings written out (sb → 傻逼, zfb → 支付宝,
 * 威信 → 微信). The longest match wins; a Latin abbreviation matches only as a whole word.
 */
const byFirst = new WeakMap<readonly Rewrite[], Map<string, Rewrite[]>>();

function indexed(rewrites: readonly Rewrite[]): Map<string, Rewrite[]> {
  let map = byFirst.get(rewrites);
  if (!map) {
    map = new Map();
    for (const r of rewrites) {
      const k = r.from[0] as string;
      const list = map.get(k);
      if (list) list.push(r);
      else map.set(k, [r]);
    }
    byFirst.set(rewrites, map);
  }
  return map;
}

function stepRewrite(m: MappedText, rewrites: readonly Rewrite[]): MappedText {
  if (rewrites.length === 0) return m;
  const index = indexed(rewrites);
  const t = m.text;
  const b = m.builder();
  let i = 0;
  let runStart = 0;
  while (i < t.length) {
    let best: Rewrite | null = null;
    for (const r of index.get(t[i] as string) ?? []) {
      if ((best === null || r.from.length > best.from.length) && t.startsWith(r.from, i)) {
        const latin = LATIN.test(r.from[0] as string);
        if (latin && ((i > 0 && /[a-z]/.test(t[i - 1] as string)) || /[a-z]/.test(t[i + r.from.length] ?? ''))) continue;
        best = r;
      }
    }
    if (best) {
      if (i > runStart) b.pushAligned(t.slice(runStart, i), runStart);
      b.push(best.to, i, i + best.from.length);
      i += best.from.length;
      runStart = i;
    } else {
      i++;
    }
  }
  if (runStart === 0) return m;
  if (t.length > runStart) b.pushAligned(t.slice(runStart), runStart);
  return b.build();
}

/**
 * A note in the form the screener reads: invisible characters removed, full-width folded, lower case,
 * traditional characters simplified, padding inside Chinese phrases dropped, abbreviations written out.
 * Every unit knows where it came from in the original text.
 */
export function normalizeNote(text: string, rewrites: readonly Rewrite[] = []): MappedText {
  return stepRewrite(stepSimplified(stepSpaces(stepFold(text))), rewrites);
}
