import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES, ipcChannel } from '../../shared/contract/methods';
import type { ApiResult } from '../../shared/errors';
import { isTrustedSender } from './security';

/** What the IPC binding needs of the core: CoreApp.dispatch parses the input with the contract and checks access. */
export interface Dispatcher {
  dispatch(method: string, input: unknown): Promise<ApiResult<unknown>>;
}

const FORBIDDEN: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from the CollectDesk window and was refused.' },
};

/** One handler per contract method on its own channel; returns a function that removes them all. */
export function registerIpc(core: Dispatcher, appUrl: string): () => void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event: IpcMainInvokeEvent, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event.senderFrame, appUrl)) return FORBIDDEN;
      return core.dispatch(name, input);
    });
  }
  return () => {
    for (const name of METHOD_NAMES) ipcMain.removeHandler(ipcChannel(name));
  };
}
