import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirArg, resolveDataDir } from './data-dir';

describe('data folder', () => {
  const userData = () => '/home/u/.config/CollectDesk';

  it('takes --data, then COLLECTDESK_DATA, then userData', () => {
    expect(resolveDataDir(['electron', '.', '--data', '/tmp/a'], { COLLECTDESK_DATA: '/tmp/b' }, userData)).toEqual({ dataDir: '/tmp/a', custom: true });
    expect(resolveDataDir(['app', '--data=rel'], {}, userData)).toEqual({ dataDir: resolve('rel'), custom: true });
    expect(resolveDataDir(['app'], { COLLECTDESK_DATA: '/tmp/b' }, userData)).toEqual({ dataDir: '/tmp/b', custom: true });
    expect(resolveDataDir(['app'], { COLLECTDESK_DATA: '' }, userData)).toEqual({ dataDir: userData(), custom: false });
  });

  it('ignores a --data without a value', () => {
    expect(dataDirArg(['app', '--data'])).toBeUndefined();
    expect(dataDirArg(['app', '--data', '--inspect=0'])).toBeUndefined();
    expect(dataDirArg(['app', '--data='])).toBeUndefined();
  });
});
