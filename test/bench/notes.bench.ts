// Note screening (CN-P, CN-PAY, US-P): quality on the held-out split of the labelled corpus (test/notes/corpus),
// time per note (p50/p95) and the time to load a pack with its lexicon and model. Prints; not a test.
//   npm run bench -- notes                      (NOTES_SPLIT=train: the same on the train split)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RulePack } from '../../shared/compliance/pack';
import { compileScreener, screenNote, screenWith, type ScreeningData } from '../../shared/compliance/screening/screen';
import { LANGS, split, type Lang } from '../notes/labelled-notes';
import { formatMeasured, measure, packFor } from '../notes/measure';

const file = (rel: string) => fileURLToPath(new URL(`../../resources/rule-packs/${rel}`, import.meta.url));
const PACK: Record<Lang, string> = { zh: 'cn-2026', en: 'us-regf' };

/** Wall-clock and CPU milliseconds of `f` (on a shared machine the CPU time is what the work itself costs). */
function clock<T>(f: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

/**
 * Reading and parsing the pack, its lexicon and its model, validating them, compiling the patterns, and the
 * first screenings (a simplified note, and a traditional one, which builds the traditional→simplified converter).
 */
function load(lang: Lang): void {
  const pack = RulePack.parse(JSON.parse(readFileSync(file(`${PACK[lang]}.json`), 'utf8')));
  const data: ScreeningData = { lexicon: JSON.parse(readFileSync(file(`screening/${lang}.json`), 'utf8')), model: JSON.parse(readFileSync(file(`screening/${lang}.model.json`), 'utf8')) };
  const screener = compileScreener(data);
  screenWith(lang === 'zh' ? '让你全家都知道' : 'Told his boss he owes us', screener);
  screenWith(lang === 'zh' ? '讓你全家都知道' : 'You better watch your back', screener);
  if (!pack.rules.some((r) => r.params.screening === lang)) throw new Error(`${PACK[lang]} does not name screening data ${lang}`);
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

const which = process.env.NOTES_SPLIT === 'train' ? 'train' : 'heldOut';
const loads = { zh: clock(() => load('zh')), en: clock(() => load('en')) };
const modelKb = (l: Lang) => (readFileSync(file(`screening/${l}.model.json`)).length / 1024).toFixed(0);

for (const lang of LANGS) {
  const { pack, profile } = packFor(lang);
  const notes = split(lang)[which];
  const m = measure(notes, (t) => screenNote(t, pack, profile));
  console.log(`\n${which === 'train' ? '[train split] ' : '[held-out split] '}${formatMeasured(lang, m)}`);
  // Time per note: every held-out note screened 20 times, after a warm-up round.
  for (const n of notes) screenNote(n.text, pack, profile);
  const times: number[] = [];
  const all = clock(() => {
    for (let round = 0; round < 20; round++) {
      for (const n of notes) {
        const t = performance.now();
        screenNote(n.text, pack, profile);
        times.push(performance.now() - t);
      }
    }
  });
  times.sort((a, b) => a - b);
  console.log(
    `    time per note: p50 ${percentile(times, 0.5).toFixed(3)} ms, p95 ${percentile(times, 0.95).toFixed(3)} ms (target p95 < 5 ms), max ${(times[times.length - 1] ?? 0).toFixed(2)} ms; mean CPU ${(all.cpu / times.length).toFixed(3)} ms`,
  );
  console.log(`    pack + lexicon + model load: ${loads[lang].wall.toFixed(1)} ms wall, ${loads[lang].cpu.toFixed(1)} ms CPU (target < 200 ms); model ${modelKb(lang)} KB`);
}
