import type { BridgeApi, Transport } from '../../../shared/contract/client';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/methods';
import type { ApiResult } from '../../../shared/errors';
import { captureToken } from './token';

declare global {
  interface Window {
    /** Exposed by the Electron preload: one function per contract method. Absent in browser mode. */
    collectdesk?: BridgeApi;
  }
}

export type TransportKind = 'bridge' | 'http';

function bridgeTransport(bridge: BridgeApi): Transport {
  return async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>> => {
    const fn = bridge[method] as (i: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>>;
    try {
      return await fn(input);
    } catch {
      return { ok: false, error: { code: 'internal', message: 'unreachable', details: { unreachable: true } } };
    }
  };
}

function httpTransport(token: string | null): Transport {
  return async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>> => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(input),
        cache: 'no-store',
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'unreachable', details: { unreachable: true } } };
    }
    try {
      return (await response.json()) as ApiResult<MethodOutput<M>>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `HTTP ${response.status}`, details: { status: response.status } } };
    }
  };
}

export interface SelectedTransport {
  kind: TransportKind;
  send: Transport;
  /** browser mode only: whether the tab holds an access token */
  hasToken: boolean;
}

/** The Electron bridge when the preload exposed it, else HTTP to the loopback web host with the URL's token. */
export function selectTransport(): SelectedTransport {
  const bridge = window.collectdesk;
  if (bridge) return { kind: 'bridge', send: bridgeTransport(bridge), hasToken: true };
  const token = captureToken();
  return { kind: 'http', send: httpTransport(token), hasToken: token !== null };
}
