import { isApiError } from '../api/errors';

/** The hub's codes (details.hubCode of `hub_failed`, docs/hub-api.md) with a sentence of their own. */
const BY_HUB_CODE: Record<string, string> = {
  pin_mismatch: 'hub.errors.pin_mismatch',
  unreachable: 'hub.errors.unreachable',
  setup_code_invalid: 'hub.errors.setup_code_invalid',
  already_claimed: 'hub.errors.already_claimed',
  not_claimed: 'hub.errors.not_claimed',
  forbidden: 'hub.errors.forbidden',
  revoked: 'hub.errors.revoked',
  clock_ahead: 'hub.errors.clock',
  stale_request: 'hub.errors.clock',
  update_required: 'hub.errors.update_required',
};

const BY_CODE_REASON: Record<string, string> = {
  used: 'hub.errors.code_used',
  expired: 'hub.errors.code_expired',
  unknown: 'hub.errors.code_unknown',
  wrong_proof: 'hub.errors.code_unknown',
};

/** The i18n key for a hub code (details.hubCode, with details.reason), or null when the general sentence fits. */
export function hubCodeKey(hubCode: string, reason = ''): string | null {
  if (hubCode === 'enrollment_code_invalid') return BY_CODE_REASON[reason] ?? 'hub.errors.code_unknown';
  // a code that fails its own check before it is sent (length, characters, check character)
  if (hubCode === 'invalid_input' && ['check', 'length', 'characters'].includes(reason)) return 'hub.errors.code_mistyped';
  return BY_HUB_CODE[hubCode] ?? null;
}

/** The i18n key for a failure of a hub request, or null when the general sentence fits. */
export function hubErrorKey(err: unknown): string | null {
  if (!isApiError(err)) return null;
  const { code, details } = err;
  if (code === 'hub_failed') return hubCodeKey(typeof details.hubCode === 'string' ? details.hubCode : '', typeof details.reason === 'string' ? details.reason : '');
  if (code === 'conflict' && details.reason === 'already_station') return 'hub.errors.already_station';
  if (code === 'conflict' && details.reason === 'not_station') return 'hub.errors.not_station';
  return null;
}
