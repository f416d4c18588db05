import type { InputHTMLAttributes } from 'react';

/** A data-testid for a picker's hidden input (which carries the shown value); its typing has no room for data-*. */
export function testIdProps(testId: string | undefined): InputHTMLAttributes<HTMLInputElement> {
  return (testId ? { 'data-testid': testId } : {}) as InputHTMLAttributes<HTMLInputElement>;
}
