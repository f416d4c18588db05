import { describe, expect, it } from 'vitest';
import { parseListen, UsageError } from './run-hub';

describe('parseListen', () => {
  it('reads HOST:PORT, with IPv6 in brackets', () => {
    expect(parseListen('0.0.0.0:8443')).toEqual({ host: '0.0.0.0', port: 8443 });
    expect(parseListen('hub.agency.lan:0')).toEqual({ host: 'hub.agency.lan', port: 0 });
    expect(parseListen('[::1]:9000')).toEqual({ host: '::1', port: 9000 });
  });
  it('refuses anything else with a usage error', () => {
    for (const bad of ['8443', ':8443', 'host:', 'host:99999', '::1:80', 'a b:1']) expect(() => parseListen(bad), bad).toThrow(UsageError);
  });
});
