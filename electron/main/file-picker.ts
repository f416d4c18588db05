import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { FILE_PICK_CHANNEL, type StagedFile } from '../../shared/contract/client';
import type { ApiResult } from '../../shared/errors';
import { toApiError } from '../core/errors';
import { isTrustedSender } from './security';

export interface Stager {
  stageLocalFile(path: string): Promise<StagedFile>;
}

const PickInput = z.object({ extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/i)).min(1).max(10), title: z.string().max(100).optional() }).strict();

/** The open dialog for imports: shown by main, so the window never hands a path to the app. */
export function registerFilePicker(core: Stager, appUrl: string): () => void {
  ipcMain.handle(FILE_PICK_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown): Promise<ApiResult<StagedFile | null>> => {
    if (!isTrustedSender(event.senderFrame, appUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the CollectDesk window and was refused.' } };
    }
    const parsed = PickInput.safeParse(input);
    if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: 'Invalid file dialog request.' } };
    const win = BrowserWindow.fromWebContents(event.sender);
    const options = { title: parsed.data.title, properties: ['openFile' as const], filters: [{ name: parsed.data.extensions.join(', '), extensions: parsed.data.extensions }] };
    const chosen = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const path = chosen.filePaths[0];
    if (chosen.canceled || !path) return { ok: true, value: null };
    try {
      return { ok: true, value: await core.stageLocalFile(path) };
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
  });
  return () => ipcMain.removeHandler(FILE_PICK_CHANNEL);
}
