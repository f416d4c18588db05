import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, ipcChannel } from '../../shared/contract/methods';

type Handler = (event: { senderFrame: { url: string; parent: null } | null }, input: unknown) => Promise<unknown>;
const handlers = vi.hoisted(() => new Map<string, Handler>());

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, h: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, h);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { registerIpc } = await import('./ipc');

const APP_URL = 'file:///app/dist/renderer/index.html';

describe('registerIpc', () => {
  const dispatch = vi.fn(async (method: string, input: unknown) => ({ ok: true as const, value: { method, input } }));
  let remove: () => void;

  beforeEach(() => {
    handlers.clear();
    dispatch.mockClear();
    remove = registerIpc({ dispatch }, APP_URL);
  });

  it('registers one channel per contract method and removes them all', () => {
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort());
    remove();
    expect(handlers.size).toBe(0);
  });

  it('refuses a call from a foreign frame without reaching the core', async () => {
    const handler = handlers.get(ipcChannel('app.status'));
    const answer = await handler?.({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler?.({ senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('passes a trusted call to dispatch under its own method name', async () => {
    const input = { name: 'lead1', password: 'secret-pw' };
    const answer = await handlers.get(ipcChannel('auth.signIn'))?.({ senderFrame: { url: APP_URL, parent: null } }, input);
    expect(dispatch).toHaveBeenCalledWith('auth.signIn', input);
    expect(answer).toEqual({ ok: true, value: { method: 'auth.signIn', input } });
  });
});
