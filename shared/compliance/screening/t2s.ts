import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';

let converter: ConverterFunction | null = null;
let sources: Set<string> | null = null;

/** Pairs of a dictionary: "from to|from to". */
function entries(dict: string): [string[], string[]][] {
  return dict.split('|').map((e) => {
    const [from = '', to = ''] = e.split(' ');
    return [[...from], [...to]];
  });
}

/**
 * Every character the conversion changes. A phrase only applies where all its characters are present, so a text
 * holding none of these comes out of the converter unchanged. A Hong Kong / Taiwan variant entry counts only
 * where the traditional→simplified step does not bring its target back to its source (户 → 戶 → 户 changes nothing).
 */
function sourceChars(): Set<string> {
  if (!sources) {
    const set = new Set<string>();
    const ts = new Map<string, string>();
    for (const [from, to] of entries(TSCharacters)) if (from.length === 1 && to[0]) ts.set(from[0] as string, to[0]);
    const mark = (from: string[], to: string[], through: (ch: string) => string) =>
      from.forEach((ch, i) => {
        if (from.length !== to.length || through(to[i] as string) !== ch) set.add(ch);
      });
    for (const dict of [HKVariantsRev, TWVariantsRev]) for (const [from, to] of entries(dict)) mark(from, to, (ch) => ts.get(ch) ?? ch);
    for (const dict of [TSPhrases, TSCharacters]) for (const [from, to] of entries(dict)) mark(from, to, (ch) => ch);
    sources = set;
  }
  return sources;
}

/** Whether the text holds a character OpenCC would convert (traditional, or a Hong Kong / Taiwan variant). */
export function hasTraditional(text: string): boolean {
  const set = sourceChars();
  for (const ch of text) if (set.has(ch)) return true;
  return false;
}

/**
 * Traditional → simplified Chinese with OpenCC's data: Hong Kong and Taiwan variant forms first, then the
 * traditional characters and phrases. Only these dictionaries are loaded (the full converter data is over a
 * megabyte and slow to build), and the converter is built the first time a note holds a character to convert.
 */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  converter ??= ConverterFactory([[HKVariantsRev, TWVariantsRev], [TSPhrases, TSCharacters]]);
  return converter(text);
}
