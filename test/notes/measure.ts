import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rulePack } from '../../electron/core/compliance/packs';
import type { RulePack } from '../../shared/compliance/pack';
import { screenNote, type ScreeningProfile, type ScreenResult } from '../../shared/compliance/screening/screen';
import type { Lang, LabelledNote } from './labelled-notes';

/** The pack a client of each language uses, with the repayment channels of the sample profile (bank-a for zh). */
export function packFor(lang: Lang): { pack: RulePack; profile: ScreeningProfile } {
  if (lang === 'en') return { pack: rulePack('us-regf'), profile: {} };
  const file = fileURLToPath(new URL('../../resources/profiles/bank-a.json', import.meta.url));
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { repaymentChannels?: string[] };
  return { pack: rulePack('cn-2026'), profile: { repaymentChannels: profile.repaymentChannels ?? [] } };
}

export interface Counts {
  n: number;
  blocked: number;
  reviewed: number;
  passed: number;
}

export interface Measured {
  /** prohibited notes by category */
  prohibited: Record<string, Counts>;
  /** clean notes by the kind of near-the-line note they are */
  clean: Record<string, Counts>;
  totalProhibited: Counts;
  totalClean: Counts;
  errors: { note: LabelledNote; result: ScreenResult }[];
}

const zero = (): Counts => ({ n: 0, blocked: 0, reviewed: 0, passed: 0 });

function add(c: Counts, r: ScreenResult): void {
  c.n++;
  if (r.verdict === 'block') c.blocked++;
  else if (r.verdict === 'warn') c.reviewed++;
  else c.passed++;
}

/** Screens each note and counts blocked / reviewed / passed per category. */
export function measure(notes: readonly LabelledNote[], screen: (text: string) => ScreenResult): Measured {
  const m: Measured = { prohibited: {}, clean: {}, totalProhibited: zero(), totalClean: zero(), errors: [] };
  for (const note of notes) {
    const r = screen(note.text);
    const table = note.label === 'prohibited' ? m.prohibited : m.clean;
    add((table[note.category] ??= zero()), r);
    add(note.label === 'prohibited' ? m.totalProhibited : m.totalClean, r);
    if (note.label === 'prohibited' ? r.verdict !== 'block' : r.verdict === 'block') m.errors.push({ note, result: r });
  }
  return m;
}

export function screenerFor(lang: Lang): (text: string) => ScreenResult {
  const { pack, profile } = packFor(lang);
  return (text) => screenNote(text, pack, profile);
}

const pct = (a: number, n: number) => (n === 0 ? '—' : `${((100 * a) / n).toFixed(1)}%`);

/** The table the bench prints for one language. */
export function formatMeasured(lang: Lang, m: Measured): string {
  const lines = [`${lang}  prohibited notes            n   blocked   reviewed   missed`];
  const row = (name: string, c: Counts, missed = true) =>
    `    ${name.padEnd(26)}${String(c.n).padStart(3)}  ${pct(c.blocked, c.n).padStart(8)}  ${pct(c.reviewed, c.n).padStart(9)}  ${missed ? pct(c.passed, c.n).padStart(7) : ''}`;
  for (const [k, c] of Object.entries(m.prohibited).sort()) lines.push(row(k, c));
  lines.push(row('ALL prohibited', m.totalProhibited));
  lines.push(`    blocked or reviewed: ${pct(m.totalProhibited.blocked + m.totalProhibited.reviewed, m.totalProhibited.n)} (target ≥ 95%), blocked ${pct(m.totalProhibited.blocked, m.totalProhibited.n)} (target ≥ 90%)`);
  lines.push(`    clean notes                n   blocked   reviewed`);
  for (const [k, c] of Object.entries(m.clean).sort()) lines.push(row(k, c, false));
  lines.push(row('ALL clean', m.totalClean, false));
  lines.push(`    clean blocked: ${pct(m.totalClean.blocked, m.totalClean.n)} (target ≤ 2%)`);
  return lines.join('\n');
}
