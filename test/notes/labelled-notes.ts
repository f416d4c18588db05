import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** A labelled note of the screening corpus (test/notes/corpus/*.jsonl). */
export const LabelledNote = z
  .object({
    text: z.string().min(1),
    label: z.enum(['prohibited', 'clean']),
    /** for a prohibited note its category; for a clean one the kind of near-the-line note it is */
    category: z.string().min(1),
  })
  .strict();
export type LabelledNote = z.infer<typeof LabelledNote>;

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** FNV-1a over the note's UTF-8 bytes. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The fixed held-out split: 30% of the notes, chosen by a hash of their text (never tuned on). */
export function isHeldOut(note: LabelledNote): boolean {
  return fnv1a(note.text) % 100 < 30;
}

export function loadCorpus(lang: Lang): LabelledNote[] {
  return loadFile(fileURLToPath(new URL(`corpus/${lang}.jsonl`, import.meta.url)));
}

function loadFile(file: string): LabelledNote[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, i }) => {
      const parsed = LabelledNote.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}, line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      return parsed.data;
    });
}

export function split(lang: Lang): { train: LabelledNote[]; heldOut: LabelledNote[] } {
  const all = loadCorpus(lang);
  return { train: all.filter((n) => !isHeldOut(n)), heldOut: all.filter(isHeldOut) };
}

/** Notes written after the rules, to probe them with new phrasing: always training data, never held out. */
export function loadDevNotes(lang: Lang): LabelledNote[] {
  return loadFile(fileURLToPath(new URL(`corpus/${lang}-dev.jsonl`, import.meta.url)));
}
