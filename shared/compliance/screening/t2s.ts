import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';

let converter: ConverterFunction | null = null;

/**
 * Traditional → simplified Chinese with OpenCC's data: Hong Kong and Taiwan variant forms first, then the
 * traditional characters and phrases. Only these dictionaries are loaded (the full converter data is over a
 * megabyte and slow to build); the converter is built on first use.
 */
export function toSimplified(text: string): string {
  converter ??= ConverterFactory([[HKVariantsRev, TWVariantsRev], [TSPhrases, TSCharacters]]);
  return converter(text);
}
