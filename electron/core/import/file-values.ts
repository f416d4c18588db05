import { basename } from 'node:path';
import type { FileValueSource } from '../../../shared/profile/schema';

/** A value given once per file: a constant, or the first capture group of a pattern on the file name or title rows. */
export function fileValue(source: FileValueSource | undefined, file: string, titleText: string): string | null {
  if (!source) return null;
  if ('value' in source) return String(source.value);
  const text = 'fromFileName' in source ? basename(file) : titleText;
  const m = new RegExp('fromFileName' in source ? source.fromFileName : source.fromTitleRows).exec(text);
  return m ? (m[1] ?? m[0]) : null;
}
