import { z } from 'zod';

/**
 * Error codes the hub answers with, in the envelope every boundary uses: `{ok: false, error: {code, message,
 * details}}`. docs/hub-api.md says what a station does about each.
 */
export const HUB_ERROR_CODES = [
  'invalid_input',
  /** the request carries no signature headers */
  'unauthenticated',
  /** the signature does not verify with the station's key */
  'bad_signature',
  /** no station with this id is enrolled */
  'unknown_station',
  /** this nonce was already used within the window: a replayed request */
  'replay',
  /** the request's timestamp is older than the window allows (a delayed request, or a clock far behind) */
  'stale_request',
  /** the request or a record is dated minutes ahead of the hub's clock; details.hubTime, details.aheadMs */
  'clock_ahead',
  /** the station's schema version is below the hub's minimum; details.minSchemaVersion */
  'update_required',
  /** the station was revoked: it wipes its data */
  'revoked',
  'forbidden',
  /** the hub has not been claimed by an agency yet */
  'not_claimed',
  /** the hub was already claimed: its setup code no longer works */
  'already_claimed',
  /** the setup code is not this hub's */
  'setup_code_invalid',
  /** the enrollment code is unknown, used, expired or its proof is wrong; details.reason */
  'enrollment_code_invalid',
  /** the station's own sequence went backwards (restored from a backup, a cloned disk): enroll it again */
  'reenroll_required',
  'conflict',
  'not_found',
  /** the request body is larger than the hub takes */
  'too_large',
  'internal',
] as const;

export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];

export const HubErrorBody = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
});

export function isHubErrorCode(value: unknown): value is HubErrorCode {
  return typeof value === 'string' && (HUB_ERROR_CODES as readonly string[]).includes(value);
}
