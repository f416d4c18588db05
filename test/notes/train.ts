// Trains the note-screening models (resources/rule-packs/screening/<lang>.model.json) from the labelled corpus.
//   npx tsx test/notes/train.ts [zh|en]
// Only the train split is used (plus the train-only *-dev.jsonl notes); the held-out split is never read here.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileLexicon, type CompiledLexicon } from '../../shared/compliance/screening/lexicon';
import { MIN_BLOCK_SUPPORT, score, support, textMargin, type NoteModel } from '../../shared/compliance/screening/model';
import { modelInputs, prepareNote } from '../../shared/compliance/screening/screen';
import { loadDevNotes, split, type Lang, type LabelledNote } from './labelled-notes';
import { fit, prune, toModel, type Example, type TrainOptions } from './train-model';

const OPTIONS: Record<Lang, TrainOptions & { keep: number; minCount: number }> = {
  zh: { l2: 2e-4, epochs: 250, rate: 0.3, keep: 5000, minCount: 2 },
  en: { l2: 2e-4, epochs: 250, rate: 0.3, keep: 4000, minCount: 2 },
};
/** Out-of-fold false-block rate on clean notes the block threshold allows, and false-review rate for the warn threshold. */
const MAX_CLEAN_BLOCKED = 0.01;
const MAX_CLEAN_REVIEWED = 0.06;
/** A note goes to review on the model's word only when the model gives it at least this chance of being prohibited. */
const MIN_WARN = 0.25;
const FOLDS = 5;

const dataFile = (name: string) => fileURLToPath(new URL(`../../resources/rule-packs/screening/${name}`, import.meta.url));

interface Prepared {
  note: LabelledNote;
  all: string[];
  own: string[];
  y: number;
}

function prepare(notes: readonly LabelledNote[], lex: CompiledLexicon, classes: readonly string[], kind: NoteModel['features']): Prepared[] {
  return notes.map((note) => {
    const { norm, clauses } = prepareNote(note.text, lex);
    const inputs = modelInputs(norm.text, clauses, kind, lex);
    const y = note.label === 'clean' ? 0 : classes.indexOf(note.category);
    if (y < 0) throw new Error(`corpus: category "${note.category}" of "${note.text}" is not one of ${classes.join(', ')}`);
    return { note, all: inputs.all, own: inputs.own, y };
  });
}

/**
 * Each note twice: as a whole (how the model reads it to decide on review) and as the collector's own words
 * alone (how it reads it to decide on a block), both with the note's label.
 */
function examplesOf(data: readonly Prepared[]): Example[] {
  return data.flatMap((d) => [{ features: d.all, y: d.y }, ...(d.own.length > 0 ? [{ features: d.own, y: d.y }] : [])]);
}

/** Features seen in at least `minCount` notes (a note's two views count once). */
function vocabulary(data: readonly Prepared[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const d of data) for (const f of new Set([...d.all, ...d.own])) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [...counts.entries()].filter(([, c]) => c >= minCount).map(([f]) => f).sort();
}

/** The smallest threshold at which at most `rate` of the clean notes score at or above it. */
function thresholdFor(cleanScores: number[], rate: number): number {
  const sorted = [...cleanScores].sort((a, b) => b - a);
  const allowed = Math.floor(sorted.length * rate);
  const cut = sorted[allowed] ?? 0;
  return Math.min(0.99, Number((cut + 1e-3).toFixed(3)));
}

function train(lang: Lang): void {
  const lexRaw: unknown = JSON.parse(readFileSync(dataFile(`${lang}.json`), 'utf8'));
  const lex = compileLexicon(lexRaw);
  const kind: NoteModel['features'] = lang === 'zh' ? 'char-1-3' : 'word-1-2';
  const classes = ['clean', ...Object.keys(lex.source.categories)];
  const opts = OPTIONS[lang];
  const notes = [...split(lang).train, ...loadDevNotes(lang)];
  const data = prepare(notes, lex, classes, kind);
  const base = { version: 1 as const, lang, type: 'multinomial-logistic-regression' as const, features: kind, classes, thresholds: { block: 0.5, warn: 0.5 }, training: {} };

  // Out-of-fold scores (5 folds by position) choose the thresholds.
  const oofOwn = new Array<number>(data.length).fill(0);
  const oofAll = new Array<number>(data.length).fill(0);
  for (let fold = 0; fold < FOLDS; fold++) {
    const trainData = data.filter((_, i) => i % FOLDS !== fold);
    const trainSet = examplesOf(trainData);
    const vocab = vocabulary(trainData, opts.minCount);
    const model = toModel(fit(trainSet, classes.length, vocab, opts), base, 6);
    data.forEach((d, i) => {
      if (i % FOLDS !== fold) return;
      // As the screener reads it: no finding unless the words themselves point to the category.
      const own = score(model, d.own);
      const all = score(model, d.all);
      oofOwn[i] = textMargin(model, d.own, own.category) > 0 && support(model, d.own, own.category) >= MIN_BLOCK_SUPPORT ? own.prohibited : 0;
      oofAll[i] = textMargin(model, d.all, all.category) > 0 ? all.prohibited : 0;
    });
  }
  const cleanIdx = data.map((d, i) => (d.y === 0 ? i : -1)).filter((i) => i >= 0);
  const block = thresholdFor(cleanIdx.map((i) => oofOwn[i] as number), MAX_CLEAN_BLOCKED);
  const warn = Math.min(block, Math.max(MIN_WARN, thresholdFor(cleanIdx.map((i) => oofAll[i] as number), MAX_CLEAN_REVIEWED)));
  const prohibited = data.filter((d) => d.y > 0).length;
  const oof = {
    prohibitedBlocked: data.filter((d, i) => d.y > 0 && (oofOwn[i] as number) >= block).length / prohibited,
    prohibitedFlagged: data.filter((d, i) => d.y > 0 && ((oofOwn[i] as number) >= block || (oofAll[i] as number) >= warn)).length / prohibited,
    cleanBlocked: cleanIdx.filter((i) => (oofOwn[i] as number) >= block).length / cleanIdx.length,
    cleanReviewed: cleanIdx.filter((i) => (oofOwn[i] as number) < block && (oofAll[i] as number) >= warn).length / cleanIdx.length,
  };

  // The shipped model: all the training notes, pruned to the strongest features, then refitted on those.
  const examples = examplesOf(data);
  const full = fit(examples, classes.length, vocabulary(data, opts.minCount), opts);
  const kept = prune(full, opts.keep);
  const final = toModel(fit(examples, classes.length, kept, opts), {
    ...base,
    thresholds: { block, warn },
    training: {
      notes: data.length,
      prohibited,
      clean: cleanIdx.length,
      features: kept.length,
      options: opts,
      outOfFold: Object.fromEntries(Object.entries(oof).map(([k, v]) => [k, Number(v.toFixed(3))])),
    },
  });
  const json = `${JSON.stringify(final)}\n`;
  writeFileSync(dataFile(`${lang}.model.json`), json);
  console.log(`${lang}: ${data.length} notes, ${kept.length} features, ${(json.length / 1024).toFixed(0)} KB; thresholds block ${block} warn ${warn}; out of fold`, oof);
}

const only = process.argv[2] as Lang | undefined;
for (const lang of ['zh', 'en'] as const) if (!only || only === lang) train(lang);
