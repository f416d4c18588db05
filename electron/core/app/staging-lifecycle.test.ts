import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ADMIN, PASSPHRASE, setupApp, value } from '../../../test/helpers/core';

/** A bank file chosen for import stays on disk only while its preview is open. */
describe('staged bank files through the app’s life', () => {
  let env: Awaited<ReturnType<typeof setupApp>>;
  beforeEach(async () => (env = await setupApp()));
  afterEach(() => env.cleanup());

  const staging = () => join(env.dataDir, 'staging');
  const staged = () => (existsSync(staging()) ? readdirSync(staging()) : []);
  const stage = (name = 'placement.csv') => env.app.stageUpload(name, Readable.from([Buffer.from('案件编号,客户姓名\nA1,张三明\n')]));

  it('deletes the file when the user leaves its preview (import.discard)', async () => {
    const kept = await stage('kept.csv');
    const left = await stage('left.csv');
    value(await env.app.dispatch('import.discard', { fileRef: left.fileRef }));
    expect(staged()).toEqual([kept.fileRef]);
  });

  it('deletes every staged file at sign-out', async () => {
    await stage();
    await env.app.dispatch('auth.signOut', {});
    expect(staged()).toEqual([]);
  });

  it('deletes every staged file at lock (an idle lock too) and when the app closes', async () => {
    await stage();
    value(await env.app.dispatch('app.lock', {}));
    expect(staged()).toEqual([]);
    value(await env.app.dispatch('app.unlock', { passphrase: PASSPHRASE }));
    value(await env.app.dispatch('auth.signIn', { name: ADMIN.name, password: ADMIN.password }));
    await stage();
    value(await env.app.dispatch('app.lock', { idle: true }));
    expect(staged()).toEqual([]);
    value(await env.app.dispatch('app.unlock', { passphrase: PASSPHRASE }));
    value(await env.app.dispatch('auth.signIn', { name: ADMIN.name, password: ADMIN.password }));
    await stage();
    env.app.close();
    expect(staged()).toEqual([]);
  });

  it('deletes at the next open whatever a crash left, however recent', async () => {
    value(await env.app.dispatch('app.lock', {}));
    // A file staged a moment ago by a run that ended without locking.
    const slot = join(staging(), '01a20900-0000-7000-8000-000000000001');
    mkdirSync(slot, { recursive: true });
    writeFileSync(join(slot, 'placement.csv'), '案件编号,客户姓名\nA1,张三明\n');
    value(await env.app.dispatch('app.unlock', { passphrase: PASSPHRASE }));
    expect(staged()).toEqual([]);
  });
});
