/**
 * Fills a script's text with the case's values. A script states only what the case holds: a missing value never
 * becomes a guess. `[[…]]` marks an optional part, left out when a value in it is missing; a sentence with a missing
 * value outside such a part is left out; a step left with nothing says that the case does not hold it.
 */
export type ScriptVars = Record<string, string | null>;

const VAR = /\{\{(\w+)\}\}/g;
const OPTIONAL = /\[\[([\s\S]*?)\]\]/g;

function missingIn(text: string, vars: ScriptVars): boolean {
  return [...text.matchAll(VAR)].some((m) => {
    const v = vars[m[1] as string];
    return v === null || v === undefined || v.trim() === '';
  });
}

/** Sentences with their closing mark: 。！？!? always, and "." only before a space or the end (not in 1,500.00). */
function sentences(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    cur += c;
    const next = text[i + 1];
    const ends = '。！？!?'.includes(c) || (c === '.' && (next === undefined || /\s/.test(next)));
    // a closing bracket right after the mark belongs to the sentence
    if (ends && next !== '）' && next !== ')') {
      while (text[i + 1] !== undefined && /\s/.test(text[i + 1] as string)) cur += text[(i += 1)];
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

export function fillScript(text: string, vars: ScriptVars, unknown: string): string {
  const withParts = text.replace(OPTIONAL, (_, part: string) => (missingIn(part, vars) ? '' : part));
  const kept = sentences(withParts).filter((s) => !missingIn(s, vars));
  const filled = kept.join('').replace(VAR, (_, k: string) => vars[k] ?? '').trim();
  return filled === '' ? unknown : filled;
}

/** A calendar date as it is spoken: 12月15日 / December 15 (with the year when it is not this year's). */
export function spokenDate(day: string | null, today: string, language: string): string | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  if (language.startsWith('zh')) return `${sameYear ? '' : `${y}年`}${m}月${d}日`;
  const month = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  return sameYear ? `${month} ${d}` : `${month} ${d}, ${y}`;
}
