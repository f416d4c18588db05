import type { HubErrorCode } from '../../shared/replication/errors';

/** A refusal the hub answers with: its code, a sentence for the station's user, and what else helps. */
export class HubError extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export const HTTP_STATUS: Record<HubErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  bad_signature: 401,
  unknown_station: 401,
  replay: 401,
  stale_request: 401,
  clock_ahead: 409,
  update_required: 426,
  revoked: 403,
  forbidden: 403,
  not_claimed: 409,
  already_claimed: 409,
  setup_code_invalid: 403,
  enrollment_code_invalid: 403,
  reenroll_required: 409,
  conflict: 409,
  not_found: 404,
  too_large: 413,
  internal: 500,
};
