import type { BridgeApi } from '../../shared/contract/client';
import { METHOD_NAMES, ipcChannel, type MethodName } from '../../shared/contract/methods';

/** Sends one request on one channel (ipcRenderer.invoke in the preload). */
export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/**
 * The object exposed as window.collectdesk: one function per contract method, each bound to its own channel.
 * There is no generic invoke: the renderer can reach the contract's methods and nothing else.
 */
export function createBridge(invoke: Invoke): BridgeApi {
  const entries = METHOD_NAMES.map((name: MethodName) => {
    const channel = ipcChannel(name);
    return [name, (input: unknown) => invoke(channel, input)] as const;
  });
  // Main answers every channel with the contract's envelope (electron/main/ipc.ts).
  return Object.freeze(Object.fromEntries(entries)) as unknown as BridgeApi;
}
