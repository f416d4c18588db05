import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FILE_PICK_CHANNEL } from '../../shared/contract/client';

type Handler = (event: { senderFrame: { url: string; parent: null } | null; sender: object }, input: unknown) => Promise<unknown>;
const handlers = vi.hoisted(() => new Map<string, Handler>());
const showOpenDialog = vi.hoisted(() => vi.fn());

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, h: Handler) => handlers.set(channel, h), removeHandler: (channel: string) => handlers.delete(channel) },
  BrowserWindow: { fromWebContents: () => null },
  dialog: { showOpenDialog },
}));

const { registerFilePicker } = await import('./file-picker');
const APP_URL = 'file:///app/dist/renderer/index.html';
const trusted = { senderFrame: { url: APP_URL, parent: null }, sender: {} };

describe('the import file dialog', () => {
  const stageLocalFile = vi.fn(async (path: string) => ({ fileRef: 'ref-1', name: path.split('/').pop() ?? '', size: 10 }));
  beforeEach(() => {
    handlers.clear();
    stageLocalFile.mockClear();
    showOpenDialog.mockReset();
    registerFilePicker({ stageLocalFile }, APP_URL);
  });

  it('shows the dialog in main and stages the chosen file: the window never passes a path', async () => {
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/home/lead/placement.csv'] });
    const answer = await handlers.get(FILE_PICK_CHANNEL)?.(trusted, { extensions: ['csv', 'xlsx'] });
    expect(answer).toEqual({ ok: true, value: { fileRef: 'ref-1', name: 'placement.csv', size: 10 } });
    expect(showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openFile'], filters: [{ name: 'csv, xlsx', extensions: ['csv', 'xlsx'] }] }));
    expect(stageLocalFile).toHaveBeenCalledWith('/home/lead/placement.csv');
  });

  it('answers null when the user cancels', async () => {
    showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await handlers.get(FILE_PICK_CHANNEL)?.(trusted, { extensions: ['csv'] })).toEqual({ ok: true, value: null });
    expect(stageLocalFile).not.toHaveBeenCalled();
  });

  it('refuses a foreign frame and a malformed request without opening a dialog', async () => {
    expect(await handlers.get(FILE_PICK_CHANNEL)?.({ ...trusted, senderFrame: { url: 'https://evil.example/', parent: null } }, { extensions: ['csv'] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handlers.get(FILE_PICK_CHANNEL)?.(trusted, { extensions: ['../../etc/passwd'] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(showOpenDialog).not.toHaveBeenCalled();
  });
});
