import { METHOD_NAMES, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/contract/methods';
import { ApiError } from './errors';
import { retryWhileBusy } from './retry';
import { selectTransport } from './transport';

type MethodFunctions = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> };

export interface ApiClient extends MethodFunctions {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  readonly transport: 'bridge' | 'http';
  readonly hasToken: boolean;
  /** Called when a call fails because the session ended (signed out elsewhere, disabled, locked). */
  onSessionLost(listener: (code: 'unauthenticated' | 'locked') => void): () => void;
}

function createClient(): ApiClient {
  const selected = selectTransport();
  const listeners = new Set<(code: 'unauthenticated' | 'locked') => void>();

  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    // A call answered `busy` (an import holds the store's write lock) is sent again a few times before it fails.
    const result = await retryWhileBusy(() => selected.send(method, input));
    if (result.ok) return result.value;
    const details = result.error.details ?? {};
    const error = details.unreachable === true ? new ApiError('unreachable', result.error.message, details) : ApiError.from(result.error);
    const publicMethod = method.startsWith('app.') || method.startsWith('prefs.') || method === 'auth.signIn';
    if (!publicMethod && (error.code === 'unauthenticated' || error.code === 'locked')) {
      listeners.forEach((l) => l(error.code as 'unauthenticated' | 'locked'));
    }
    throw error;
  }

  const methods = Object.fromEntries(
    METHOD_NAMES.map((name) => [name, (input: MethodInput<typeof name>) => call(name, input)]),
  ) as unknown as MethodFunctions;

  return {
    ...methods,
    call,
    transport: selected.kind,
    hasToken: selected.hasToken,
    onSessionLost(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The one contract client of the renderer. `api.call('auth.signIn', {…})` or `api['auth.signIn']({…})`. */
export const api: ApiClient = createClient();
export { ApiError, isApiError } from './errors';
