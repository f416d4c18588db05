import type { ApiResult } from '../errors';
import type { MethodInput, MethodName, MethodOutput } from './methods';

/** What a transport must provide: one call per method, answering with the error envelope. */
export type Transport = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>>;

/** The shape the preload exposes on window.collectdesk: one function per contract method. */
export type BridgeApi = { [M in MethodName]: (input: MethodInput<M>) => Promise<ApiResult<MethodOutput<M>>> };
