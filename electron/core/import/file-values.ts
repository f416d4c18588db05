import { basename } from 'node:path';
import { parseCalendarDate, type DateFormat } from '../../../shared/domain/dates';
import { parseHand } from '../../../shared/domain/hand';
import type { FileValueSource } from '../../../shared/profile/schema';
import { CoreError } from '../errors';
import { quoted } from './limits';

/** A value given once per file: a constant, or the first capture group of a pattern on the file name or title rows. */
export function fileValue(source: FileValueSource | undefined, file: string, titleText: string): string | null {
  if (!source) return null;
  if ('value' in source) return String(source.value);
  const text = foldAlphanumerics('fromFileName' in source ? basename(file) : titleText);
  const m = new RegExp('fromFileName' in source ? source.fromFileName : source.fromTitleRows).exec(text);
  return m ? (m[1] ?? m[0]) : null;
}

/**
 * Full-width digits and Latin letters as half-width ones (`手别：６` → `手别：6`), so that `\d` and `[A-Z]` find them;
 * full-width punctuation stays, as a pattern may spell it (`批次号：`).
 */
function foldAlphanumerics(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export type FileValueOrigin = 'profile' | 'fileName' | 'titleRows';

function originOf(source: FileValueSource): FileValueOrigin {
  return 'value' in source ? 'profile' : 'fromFileName' in source ? 'fileName' : 'titleRows';
}

const WHERE: Record<FileValueOrigin, string> = { profile: 'the profile', fileName: 'the file name', titleRows: 'the title rows' };
const whereFrom = (source: FileValueSource): string => WHERE[originOf(source)];

/**
 * A date given once per file, read with the section's date formats (and always YYYY-MM-DD), as `YYYY-MM-DD`. A value
 * that is there but is no date refuses the whole file: every case of it would otherwise carry a wrong term.
 */
export function fileDate(source: FileValueSource | undefined, file: string, titleText: string, formats: readonly DateFormat[], field: string): string | null {
  const raw = fileValue(source, file, titleText);
  if (raw === null || source === undefined) return null;
  const date = parseCalendarDate(raw.trim(), formats.includes('YYYY-MM-DD') ? formats : [...formats, 'YYYY-MM-DD']);
  if (date) return date;
  throw new CoreError(
    'invalid_input',
    `${basename(file)}: ${field} taken from ${whereFrom(source)} is "${quoted(raw)}", which is not a date in the profile's dateFormats (${formats.join(', ')}). Nothing was imported.`,
    { file: basename(file), field },
  );
}

/** The hand (手别) given once per file: a whole number from 1. */
export function fileHand(source: FileValueSource | undefined, file: string, titleText: string): string | null {
  const raw = fileValue(source, file, titleText);
  if (raw === null || source === undefined) return null;
  const hand = parseHand(raw);
  if (hand !== null) return String(hand);
  throw new CoreError('invalid_input', `${basename(file)}: hand taken from ${whereFrom(source)} is "${quoted(raw)}", which is not a whole number from 1. Nothing was imported.`, {
    file: basename(file),
    field: 'hand',
  });
}

export interface FileValueFound {
  field: string;
  value: string;
  from: FileValueOrigin;
}

const DATE_FIELDS = new Set(['placedAt', 'dueBackAt', 'recalledAt']);

/**
 * The values a section gives once per file, as the import will read them (dates as YYYY-MM-DD): what the preview
 * shows above the rows. A value that is no date or no hand throws, as the import would.
 */
export function fileValuesOf(
  fileValues: Partial<Record<string, FileValueSource>> | undefined,
  formats: readonly DateFormat[],
  file: string,
  titleText: string,
): FileValueFound[] {
  const out: FileValueFound[] = [];
  for (const [field, source] of Object.entries(fileValues ?? {})) {
    if (!source) continue;
    const value = DATE_FIELDS.has(field) ? fileDate(source, file, titleText, formats, field) : field === 'hand' ? fileHand(source, file, titleText) : fileValue(source, file, titleText);
    if (value !== null) out.push({ field, value, from: originOf(source) });
  }
  return out;
}
