import type { TFunction } from 'i18next';
import { isApiError } from '../api/errors';
import { fieldLabel } from '../fieldLabel';
import type { Language } from '../i18n';

/** What went wrong with a whole file or a call, as the contract reports it. */
export interface Failure {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export function toFailure(err: unknown): Failure {
  if (isApiError(err)) return { code: err.code, message: err.message, details: err.details };
  return { code: 'internal', message: err instanceof Error ? err.message : String(err), details: {} };
}

/** A canonical field (caseNo, placedAmount…) in the current language (the app's one field map). */
export { fieldLabel };

/**
 * The importer's own message (English, naming fields by their keys) is shown in the English interface only: in Chinese
 * the field and the reason say the same in words, and a file for the bank carries no internal names.
 */
export const showsMessage = (language: string): boolean => language === 'en';

/** Why a row was rejected: the field and the translated reason, e.g. “证件号码：校验位不正确”. */
export function reasonText(t: TFunction, problem: { field: string; code: string }): string {
  const reason = t(`intake.reason.${problem.code}`, { defaultValue: problem.code });
  return t('intake.reasonFormat', { field: fieldLabel(t, problem.field), reason });
}

const FAILURE_CODES = new Set(['unreadable_file', 'already_imported', 'conflict', 'not_found', 'forbidden', 'invalid_input', 'unreachable', 'unauthenticated', 'locked', 'busy', 'damaged', 'disk_full', 'cancelled']);

/** One sentence a team lead understands for a file refused whole (or a call that failed). */
export function failureText(t: TFunction, failure: Failure): string {
  const missing = failure.details.missingColumns;
  if (failure.code === 'unreadable_file' && Array.isArray(missing) && missing.length > 0) {
    const columns = missing.map((f) => fieldLabel(t, String(f))).join(t('intake.listSeparator'));
    const found = failure.details.found;
    const closest = Array.isArray(found) && found.length > 0 ? t('intake.failure.closestRow', { row: failure.details.row, found: found.join(t('intake.listSeparator')) }) : '';
    const others = failure.details.otherSheets;
    const sheets = Array.isArray(others) && others.length > 0 ? t('intake.failure.otherSheets', { sheet: failure.details.sheet, others: others.join(t('intake.listSeparator')) }) : '';
    return t('intake.failure.missingColumns', { columns, closest: closest + sheets });
  }
  if (failure.code === 'unreadable_file' && failure.details.trailer === true) return trailerText(t, failure.details);
  // Past one of the reader's caps (details.limit names it; the message says where): damaged, or built to do harm.
  if (failure.code === 'unreadable_file' && typeof failure.details.limit === 'string') return t('intake.failure.tooLarge');
  const format = failure.details.format;
  if (failure.code === 'unreadable_file' && (format === 'xls' || format === 'html' || format === 'xlsx')) return t(`intake.failure.format.${format}`);
  const code = FAILURE_CODES.has(failure.code) ? failure.code : 'internal';
  return t(`intake.failure.${code}`);
}

/** A file refused by its trailer row (a record count that differs, a trailer missing): the file was cut off or altered. */
function trailerText(t: TFunction, d: Record<string, unknown>): string {
  if (typeof d.expected === 'number') return t('intake.failure.trailerCount', { row: d.row, expected: d.expected, found: d.found });
  if (typeof d.marker === 'string') return t('intake.failure.trailerMissing', { marker: d.marker });
  return t('intake.failure.trailerNoCount', { row: d.row });
}

/** 1536 → “1.5 KB”. */
export function formatBytes(size: number, language: Language): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** Whole days from today (local calendar) to a YYYY-MM-DD date; negative when it has passed. */
export function daysUntil(date: string, today: Date = new Date()): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const target = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - now) / 86_400_000);
}

/** The extensions offered when choosing a bank file. */
export const FILE_EXTENSIONS = ['csv', 'xlsx', 'txt', 'tsv'];
