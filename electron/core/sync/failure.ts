/**
 * Why a sync request failed, in words an admin acts on (shown on the Returns & sync screen as the last error), and
 * whether trying again soon may help. Codes are stable for scripts: see docs/bank-sync-api.yaml, "Client errors".
 */
export const SYNC_FAILURE_CODES = [
  /** no sync section, no secret, or an address that is refused */
  'not_configured',
  /** the bank's host could not be reached or found */
  'unreachable',
  /** the bank did not answer in time */
  'timeout',
  /** the connection broke off before the answer came */
  'connection_lost',
  /** the bank refused the request's signature (bad secret or key id, clock off, nonce reused) */
  'signature_refused',
  /** the certificate is not trusted or not the pinned one */
  'certificate',
  /** the bank answered with an error status */
  'bank_error',
  /** the bank's answer does not follow the API */
  'protocol',
  /** another round of this client changed the state meanwhile */
  'busy',
  /** anything else (a bug, a full disk) */
  'internal',
] as const;
export type SyncFailureCode = (typeof SYNC_FAILURE_CODES)[number];

export class SyncFailure extends Error {
  constructor(
    readonly code: SyncFailureCode,
    message: string,
    /** worth retrying within the round (a network hiccup, a 5xx), as opposed to a refusal that will repeat */
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

const NETWORK: Record<string, { code: SyncFailureCode; words: (host: string) => string }> = {
  ECONNREFUSED: { code: 'unreachable', words: (h) => `The bank's sync service at ${h} refused the connection (it is not running there, or the address is wrong).` },
  ENOTFOUND: { code: 'unreachable', words: (h) => `The bank's address ${h} could not be found: this computer may be offline, or the address in the profile is wrong.` },
  EAI_AGAIN: { code: 'unreachable', words: (h) => `The bank's address ${h} could not be looked up: this computer may be offline.` },
  ENETUNREACH: { code: 'unreachable', words: (h) => `The network to ${h} cannot be reached: this computer may be offline.` },
  EHOSTUNREACH: { code: 'unreachable', words: (h) => `The bank's host ${h} cannot be reached from this computer.` },
  ECONNRESET: { code: 'connection_lost', words: (h) => `The connection to ${h} broke off before the bank answered.` },
  EPIPE: { code: 'connection_lost', words: (h) => `The connection to ${h} broke off while sending.` },
};

const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME/;

/** A failure of the connection itself (no HTTP answer), described for a person. */
export function networkFailure(err: unknown, host: string): SyncFailure {
  if (err instanceof SyncFailure) return err;
  const e = err as { code?: string; message?: string };
  const known = e.code ? NETWORK[e.code] : undefined;
  if (known) return new SyncFailure(known.code, known.words(host), true);
  if (e.code && CERTIFICATE.test(e.code)) {
    return new SyncFailure('certificate', `The bank's certificate at ${host} is not trusted (${e.code}): the connection was refused.`, false);
  }
  if (e.message === 'socket hang up') return new SyncFailure('connection_lost', `The connection to ${host} broke off before the bank answered.`, true);
  return new SyncFailure('unreachable', `The bank at ${host} could not be reached (${e.code ?? e.message ?? 'unknown error'}).`, true);
}

const SIGNATURE_WORDS: Record<string, string> = {
  clock_skew: 'the bank says this computer’s clock is more than 5 minutes off. Correct the clock and sync again',
  nonce_reused: 'the bank saw this request’s nonce before (a replayed request)',
  unknown_key: 'the bank does not know the key id in the profile (sync.keyId)',
  bad_signature: 'the signature does not match: the sync secret stored for this client is not the one the bank issued',
  missing_signature: 'the request was not signed as the bank expects',
};

/** A refusal or error status from the bank, described for a person. */
export function httpFailure(status: number, host: string, body: { code?: string; message?: string } | null): SyncFailure {
  const detail = body?.message ? ` The bank said: “${body.message.slice(0, 300)}”` : '';
  if (status === 401) {
    const words = (body?.code && SIGNATURE_WORDS[body.code]) ?? 'check the key id and the sync secret';
    return new SyncFailure('signature_refused', `The bank refused our signature: ${words}.`, false, status);
  }
  if (status === 429 || status === 503) return new SyncFailure('bank_error', `The bank at ${host} is busy (HTTP ${status}); it will be tried again.${detail}`, true, status);
  if (status >= 500) return new SyncFailure('bank_error', `The bank's service at ${host} had an error (HTTP ${status}); it will be tried again.${detail}`, true, status);
  return new SyncFailure('bank_error', `The bank refused the request (HTTP ${status}).${detail}`, false, status);
}

/** Any error of a round as a sync failure: unexpected ones become 'internal' without their stack. */
export function asSyncFailure(err: unknown): SyncFailure {
  if (err instanceof SyncFailure) return err;
  if ((err as { code?: unknown }).code === 'SQLITE_BUSY') {
    return new SyncFailure('busy', 'The database was busy (an import or another round was writing); the next round continues from where this one stopped.', false);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new SyncFailure('internal', `Sync stopped on an unexpected error: ${message.slice(0, 300)}`, false);
}
