import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract/methods';

const exposed = vi.hoisted(() => new Map<string, unknown>());
const invoke = vi.hoisted(() => vi.fn(async () => ({ ok: true, value: null })));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke },
}));

describe('preload', () => {
  it('exposes the bridge as window.collectdesk and the import file dialog as window.collectdeskFiles, and only those', async () => {
    await import('./index');
    expect([...exposed.keys()]).toEqual(['collectdesk', 'collectdeskFiles']);
    const files = exposed.get('collectdeskFiles') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(files)).toEqual(['pick']);
    await files.pick?.({ extensions: ['csv'] });
    expect(invoke).toHaveBeenCalledWith('collectdesk:pick-file', { extensions: ['csv'] });
    const api = exposed.get('collectdesk') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    await api['app.status']?.({});
    expect(invoke).toHaveBeenCalledWith('collectdesk:app.status', {});
  });
});
