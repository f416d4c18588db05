import type { z } from 'zod';

/**
 * Who may call a method. Enforced in electron/core, whatever the transport:
 * public — always; open — the database must be unlocked; user — signed in; lead/admin — that role or above.
 */
export type Access = 'public' | 'open' | 'user' | 'lead' | 'admin';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access): MethodSpec<I, O> {
  return { input, output, access };
}
