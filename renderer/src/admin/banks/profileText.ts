import type { TFunction } from 'i18next';
import { isApiError } from '../../api/errors';
import type { ProfileIssue } from '../../../../shared/profile/schema';

/** A profile's problems as the core reports them (details.problems of banks.register / banks.update), or null. */
export function profileProblems(err: unknown): ProfileIssue[] | null {
  if (!isApiError(err) || err.code !== 'invalid_input') return null;
  const problems = err.details.problems;
  return Array.isArray(problems) ? (problems as ProfileIssue[]) : null;
}

/** The file a refused profile was read from, as the admin named it. */
export function profileFileName(err: unknown): string | undefined {
  return isApiError(err) && typeof err.details.file === 'string' ? err.details.file : undefined;
}

/** A file that is not a profile at all (not JSON, too large), in words; null for any other error. */
export function profileFileText(t: TFunction, err: unknown): string | null {
  if (!isApiError(err) || err.code !== 'invalid_input') return null;
  const file = typeof err.details.file === 'string' ? err.details.file : '';
  if (err.details.problem === 'not_json') return t('banks.profile.notJson', { file, detail: String(err.details.detail ?? '') });
  if (err.details.problem === 'too_large') return t('banks.profile.tooLarge', { file });
  return null;
}

/** What is wrong at a key, in the current language: 未知的键 "caseNumber", 缺少这一项 … (English adds the checker's words). */
export function issueText(t: TFunction, issue: ProfileIssue, language: string): string {
  const quoted = (xs: string[] | undefined) => (xs ?? []).map((x) => `"${x}"`).join(', ');
  const text = t(`banks.profile.kind.${issue.kind}`, { keys: quoted(issue.keys), allowed: quoted(issue.allowed), bound: issue.bound ?? '' });
  // The checker's own sentence is English: shown in the English interface only, where it adds the particulars.
  const extra = language === 'en' && (issue.kind === 'invalid' || issue.kind === 'format') ? ` — ${issue.message}` : '';
  return `${text}${extra}`;
}
