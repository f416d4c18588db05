import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, ipcChannel } from '../../shared/contract/methods';
import { createBridge } from './bridge';

describe('createBridge (window.collectdesk)', () => {
  it('has one function per contract method and nothing else (no generic invoke)', () => {
    const bridge = createBridge(vi.fn());
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.values(bridge).every((f) => typeof f === 'function')).toBe(true);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('sends each call on its own channel with the input as given', async () => {
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
    const bridge = createBridge(invoke);
    const answer = await bridge['auth.signIn']({ name: 'lead1', password: 'pw-12345678' });
    expect(invoke).toHaveBeenCalledWith(ipcChannel('auth.signIn'), { name: 'lead1', password: 'pw-12345678' });
    expect(answer).toEqual({ ok: true, value: { channel: 'collectdesk:auth.signIn', input: { name: 'lead1', password: 'pw-12345678' } } });
  });
});
