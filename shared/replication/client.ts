import type { z } from 'zod';
import {
  AckResponse,
  ClaimResponse,
  EnrollmentCodeResponse,
  HUB_PATHS,
  JoinResponse,
  PullResponse,
  PushResponse,
  RevokeResponse,
  StationsResponse,
  StatusResponse,
  type HubUser,
  type PullRequest,
  type PushRequest,
  type Replica,
} from './api';
import { utf8 } from './bytes';
import { HubErrorBody, isHubErrorCode, type HubErrorCode } from './errors';
import type { WrappedKey } from './key-wrap';
import { signRequest } from './signing';

/**
 * The station side of the hub's API, without a network of its own: a transport (Node https with the hub's
 * certificate pinned, in the app) carries the bytes; this signs every request and checks every answer against the
 * contract.
 */
export interface HubTransportRequest {
  method: 'GET' | 'POST';
  target: string;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
}

export interface HubTransport {
  request(r: HubTransportRequest): Promise<{ status: number; body: string }>;
}

export interface StationIdentity {
  stationId: string;
  privateKey: CryptoKey;
}

export class HubRequestError extends Error {
  constructor(
    /** a hub error code, or `protocol` when the answer is not one the contract allows */
    readonly code: HubErrorCode | 'protocol',
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface HubClientOptions {
  /** the schema version of this station's store */
  schemaVersion: number;
  /** the wall clock, Unix ms (tests move it) */
  now?: () => number;
}

export class HubClient {
  constructor(
    private readonly transport: HubTransport,
    readonly identity: StationIdentity,
    private readonly opts: HubClientOptions,
  ) {}

  /** The station's wall clock (Unix ms), as its requests are dated. */
  now(): number {
    return (this.opts.now ?? Date.now)();
  }

  /** Signed headers for a request this client does not send itself (the event stream). */
  signedHeaders(method: 'GET' | 'POST', target: string, body: Uint8Array<ArrayBuffer> | string = ''): Promise<Record<string, string>> {
    return signRequest({ method, target, body, stationId: this.identity.stationId, privateKey: this.identity.privateKey, schemaVersion: this.opts.schemaVersion, nowMs: this.now() });
  }

  private async call<S extends z.ZodType>(method: 'GET' | 'POST', target: string, input: unknown, schema: S, signed = true): Promise<z.infer<S>> {
    const body = method === 'POST' ? utf8(JSON.stringify(input ?? {})) : new Uint8Array(0);
    const headers = signed ? await this.signedHeaders(method, target, body) : {};
    const answer = await this.transport.request({ method, target, headers: { ...headers, accept: 'application/json', ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) }, body });
    let json: unknown;
    try {
      json = JSON.parse(answer.body);
    } catch {
      throw new HubRequestError('protocol', `The hub answered ${target} with something that is not JSON (HTTP ${answer.status}).`, answer.status);
    }
    const refused = HubErrorBody.safeParse(json);
    if (refused.success) {
      const e = refused.data.error;
      throw new HubRequestError(isHubErrorCode(e.code) ? e.code : 'protocol', e.message, answer.status, e.details ?? {});
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new HubRequestError('protocol', `The hub's answer to ${target} does not match the contract: ${parsed.error.issues[0]?.message ?? ''}`, answer.status);
    return parsed.data;
  }

  status(): Promise<z.infer<typeof StatusResponse>> {
    return this.call('GET', HUB_PATHS.status, undefined, StatusResponse, false);
  }

  claim(input: { setupCode: string; station: { id: string; name: string; publicKey: string }; users: HubUser[] }): Promise<z.infer<typeof ClaimResponse>> {
    return this.call('POST', HUB_PATHS.claim, input, ClaimResponse);
  }

  join(input: { codeId: string; proof: string; station: { id: string; name: string; publicKey: string } }): Promise<z.infer<typeof JoinResponse>> {
    return this.call('POST', HUB_PATHS.join, input, JoinResponse);
  }

  issueEnrollmentCode(input: { id: string; verifier: string; wrappedKeys: WrappedKey[]; users: HubUser[]; replica: Replica; expiresAt: string }): Promise<z.infer<typeof EnrollmentCodeResponse>> {
    return this.call('POST', HUB_PATHS.enrollmentCodes, input, EnrollmentCodeResponse);
  }

  push(input: PushRequest): Promise<PushResponse> {
    return this.call('POST', HUB_PATHS.push, input, PushResponse);
  }

  pull(input: PullRequest): Promise<PullResponse> {
    return this.call('POST', HUB_PATHS.pull, input, PullResponse);
  }

  ack(cursor: number): Promise<z.infer<typeof AckResponse>> {
    return this.call('POST', HUB_PATHS.ack, { cursor }, AckResponse);
  }

  stations(): Promise<StationsResponse> {
    return this.call('POST', HUB_PATHS.stations, {}, StationsResponse);
  }

  revoke(stationId: string): Promise<z.infer<typeof RevokeResponse>> {
    return this.call('POST', HUB_PATHS.revoke, { stationId }, RevokeResponse);
  }
}
