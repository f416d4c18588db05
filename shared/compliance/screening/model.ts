import { z } from 'zod';

/**
 * The learned layer: a multinomial logistic regression over character n-grams (Chinese) or word n-grams
 * (English) of the normalised note, trained offline on labelled notes (test/notes/train.ts) and shipped as
 * JSON beside the rule pack. Deterministic: the same note always gets the same scores.
 */
/** Weight rows: checked in one plain loop (a schema per row would cost more than the rest of loading). */
const WeightRows = z.custom<Record<string, number[]>>((v) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  for (const row of Object.values(v as Record<string, unknown>)) {
    if (!Array.isArray(row)) return false;
    for (const x of row) if (typeof x !== 'number' || !Number.isFinite(x)) return false;
  }
  return true;
}, 'weights: each feature maps to an array of finite numbers');

export const NoteModel = z
  .object({
    version: z.literal(1),
    lang: z.enum(['zh', 'en']),
    type: z.literal('multinomial-logistic-regression'),
    features: z.enum(['char-1-3', 'word-1-2']),
    /** the first class is the clean one */
    classes: z.array(z.string().min(1)).min(2),
    bias: z.array(z.number()),
    weights: WeightRows,
    /** probability that the note is prohibited at or above which it blocks / goes to review */
    thresholds: z.object({ block: z.number().min(0).max(1), warn: z.number().min(0).max(1) }).strict(),
    training: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .refine((m) => m.bias.length === m.classes.length && Object.values(m.weights).every((w) => w.length === m.classes.length), 'every weight row has one value per class');
export type NoteModel = z.infer<typeof NoteModel>;

const CJK = /[\u3400-\u9fff]/;
const WORD = /[a-z0-9$'’]+/g;

/** A feature and the normalised span it covers. */
export interface Feature {
  name: string;
  from: number;
  to: number;
}

function numberToken(t: string): string {
  if (!/\d/.test(t)) return t;
  const digits = t.replace(/\D/g, '').length;
  return digits >= 8 ? '<longnum>' : digits >= 3 ? '<num>' : t;
}

/** Character 1–3-grams of each run of Chinese characters; other words as whole tokens. */
function charFeatures(text: string): Feature[] {
  const out: Feature[] = [];
  let i = 0;
  while (i < text.length) {
    if (CJK.test(text[i] as string)) {
      let j = i;
      while (j < text.length && CJK.test(text[j] as string)) j++;
      for (let a = i; a < j; a++) {
        for (let n = 1; n <= 3 && a + n <= j; n++) out.push({ name: text.slice(a, a + n), from: a, to: a + n });
      }
      i = j;
    } else {
      i++;
    }
  }
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) out.push({ name: numberToken(m[0]), from: m.index, to: m.index + m[0].length });
  return out;
}

/** Word 1–2-grams (a bigram does not cross a comma or full stop). */
function wordFeatures(text: string): Feature[] {
  const out: Feature[] = [];
  const words: { t: string; from: number; to: number; gapBefore: string }[] = [];
  let last = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    words.push({ t: numberToken(m[0].replace(/’/g, "'")), from: m.index, to: m.index + m[0].length, gapBefore: text.slice(last, m.index) });
    last = m.index + m[0].length;
  }
  words.forEach((w, k) => {
    out.push({ name: w.t, from: w.from, to: w.to });
    const prev = words[k - 1];
    if (prev && !/[,.;:!?]/.test(w.gapBefore)) out.push({ name: `${prev.t} ${w.t}`, from: prev.from, to: w.to });
  });
  return out;
}

export function featuresOf(text: string, kind: NoteModel['features']): Feature[] {
  return kind === 'char-1-3' ? charFeatures(text) : wordFeatures(text);
}

/** The distinct feature names of a text, with the context markers the screener derived (reported speech…). */
export function featureNames(text: string, kind: NoteModel['features'], markers: readonly string[] = []): string[] {
  return [...new Set([...featuresOf(text, kind).map((f) => f.name), ...markers.map((m) => `#${m}`)])];
}

export interface Scores {
  /** probability of each class, in the model's order */
  probs: number[];
  /** 1 − P(clean) */
  prohibited: number;
  /** the most likely prohibited class */
  category: string;
}

export function softmax(z: readonly number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** How much the note's own features (not the prior) favour `category` over the clean class. */
export function textMargin(model: NoteModel, names: readonly string[], category: string): number {
  const k = model.classes.indexOf(category);
  if (k < 1) return 0;
  let m = 0;
  for (const n of names) {
    const w = model.weights[n];
    if (w) m += (w[k] as number) - (w[0] as number);
  }
  return m;
}

/** How many distinct features of the note push it towards `category` (by at least `min`). */
export function support(model: NoteModel, names: readonly string[], category: string, min = 0.05): number {
  const k = model.classes.indexOf(category);
  if (k < 1) return 0;
  let n = 0;
  for (const name of names) {
    const w = model.weights[name];
    if (w && (w[k] as number) - (w[0] as number) >= min) n++;
  }
  return n;
}

/** The model may block only on corroborated evidence: two features at least, not one ambiguous word. */
export const MIN_BLOCK_SUPPORT = 2;

export function score(model: NoteModel, names: readonly string[]): Scores {
  const z = [...model.bias];
  for (const n of names) {
    const w = model.weights[n];
    if (w) for (let k = 0; k < z.length; k++) z[k] = (z[k] as number) + (w[k] as number);
  }
  const probs = softmax(z);
  let best = 1;
  for (let k = 2; k < probs.length; k++) if ((probs[k] as number) > (probs[best] as number)) best = k;
  return { probs, prohibited: 1 - (probs[0] as number), category: model.classes[best] as string };
}

/**
 * The stretch of `text` that most pushes the note towards `category`: each character gets the weights (the
 * category's minus the clean class's) of the features covering it, and the best-scoring run around the
 * strongest character is returned.
 */
export function evidence(model: NoteModel, text: string, category: string): { from: number; to: number } | null {
  const k = model.classes.indexOf(category);
  if (k < 1) return null;
  const push = new Array<number>(text.length).fill(0);
  for (const f of featuresOf(text, model.features)) {
    const w = model.weights[f.name];
    if (!w) continue;
    const d = ((w[k] as number) - (w[0] as number)) / (f.to - f.from);
    for (let i = f.from; i < f.to; i++) push[i] = (push[i] as number) + d;
  }
  let peak = -1;
  for (let i = 0; i < push.length; i++) if ((push[i] as number) > 0 && (peak < 0 || (push[i] as number) > (push[peak] as number))) peak = i;
  if (peak < 0) return null;
  let from = peak;
  let to = peak + 1;
  const positive = (i: number) => (push[i] as number) > 0 || /\s/.test(text[i] as string);
  while (from > 0 && positive(from - 1)) from--;
  while (to < text.length && positive(to)) to++;
  while (from < to && /\s/.test(text[from] as string)) from++;
  while (to > from && /\s/.test(text[to - 1] as string)) to--;
  return { from, to };
}
