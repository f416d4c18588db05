import { isErrorCode, type ApiError as ApiErrorShape, type ErrorCode } from '../../../shared/errors';

/** Codes the contract defines, plus `unreachable`: the renderer could not reach the app at all. */
export type ClientErrorCode = ErrorCode | 'unreachable';

/** A failed contract call, as the renderer sees it. Thrown by every `api` method. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ClientErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  static from(shape: ApiErrorShape): ApiError {
    return new ApiError(isErrorCode(shape.code) ? shape.code : 'internal', shape.message, shape.details ?? {});
  }

  /** The field the error names, if any (`details.field`, or the first `details.issues[].field`). */
  get field(): string | undefined {
    if (typeof this.details.field === 'string') return this.details.field;
    const issues = this.details.issues;
    if (Array.isArray(issues)) {
      const first: unknown = issues[0];
      if (first && typeof first === 'object' && 'field' in first && typeof first.field === 'string') return first.field;
    }
    return undefined;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}
