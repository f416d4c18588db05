/**
 * A cell a person may open in Excel must not start a formula (CSV injection): a text beginning with = + - @
 * (or a tab / carriage return) is prefixed with an apostrophe, which Excel shows as text. Numbers stay numbers.
 */
export function neutraliseCell<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
