import type { Locator, Page } from '@playwright/test';

/** A date picker's field by its label (MUI X: a group of spin buttons, one per part of the date). */
export function dateField(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('group', { name: label, exact: true });
}

/** The text the field shows (2026/11/24, 24 Nov 2026), held by its hidden input. */
export function shownDate(field: Locator): Locator {
  return field.locator('input');
}

/**
 * Types a calendar date (YYYY-MM-DD), or a date and time (YYYY-MM-DDTHH:mm), into a picker field part by part, in
 * the order the app's language shows them: year/month/day in Chinese, day month year in English.
 */
export async function typeDate(field: Locator, value: string, language: 'zh' | 'en' = 'zh'): Promise<void> {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!m) throw new Error(`not a date: ${value}`);
  const [, y, mo, d, h, mi] = m;
  const parts = language === 'zh' ? [y, mo, d] : [d, mo, y];
  if (h !== undefined && mi !== undefined) parts.push(h, mi);
  await field.getByRole('spinbutton').first().click();
  await field.page().keyboard.type(parts.join(''));
}

/** The picker field holding the input of this test id. */
export function dateFieldByTestId(page: Page, testId: string): Locator {
  return page.getByRole('group').filter({ has: page.getByTestId(testId) });
}

/** A calendar date (YYYY-MM-DD) as the app shows it: 2026/11/24 in Chinese, 24 Nov 2026 (01 Dec 2026) in English. */
export function shownDay(day: string, language: 'zh' | 'en' = 'zh'): string {
  const [y, m, d] = day.split('-');
  if (language === 'zh') return `${y}/${m}/${d}`;
  return `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1]} ${y}`;
}
