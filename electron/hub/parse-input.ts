import type { z } from 'zod';
import { HubError } from './hub-error';

/** Parses a request body with its schema; a refusal naming the first field that is wrong otherwise. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(body)';
  throw new HubError('invalid_input', `The ${what} request is malformed at ${field}: ${issue?.message ?? 'invalid'}.`, { field, issues: r.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })) });
}
