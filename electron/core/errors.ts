import type { ApiError, ErrorCode } from '../../shared/errors';

/** An expected, user-explainable failure. Anything else crossing a boundary becomes code "internal". */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CoreError';
  }

  toApiError(): ApiError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof CoreError) return err.toApiError();
  return { code: 'internal', message: 'An unexpected error occurred. Please try again; if it happens again, report it with the time it happened.' };
}
