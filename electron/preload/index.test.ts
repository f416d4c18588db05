import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract/methods';

const exposed = vi.hoisted(() => new Map<string, unknown>());
const invoke = vi.hoisted(() => vi.fn(async () => ({ ok: true, value: null })));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke },
}));

describe('preload', () => {
  it('exposes the bridge as window.collectdesk and only that', async () => {
    await import('./index');
    expect([...exposed.keys()]).toEqual(['collectdesk']);
    const api = exposed.get('collectdesk') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    await api['app.status']?.({});
    expect(invoke).toHaveBeenCalledWith('collectdesk:app.status', {});
  });
});
