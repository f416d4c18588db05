import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { CoreApp } from '../core/app/core-app';
import { send as sendTo, setCookies, type Reply } from '../../test/helpers/http';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { startWebHost, type WebHost } from './server';

function send(host: WebHost, opts: Parameters<typeof sendTo>[1]): Promise<Reply> {
  return sendTo(host.port, opts);
}

describe('the web host', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let host: WebHost;
  let app: CoreApp;
  const auth = () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });

  beforeEach(async () => {
    tmp = makeTempDir();
    const staticDir = join(tmp.dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>CollectDesk</title>');
    writeFileSync(join(tmp.dir, 'secret.txt'), 'outside the app folder');
    app = new CoreApp({ dataDir: join(tmp.dir, 'data'), via: 'web' });
    host = await startWebHost({ app, staticDir, maxBodyBytes: 64 * 1024 });
  });
  afterEach(async () => {
    await host.close();
    app.close();
    tmp.cleanup();
  });

  it('binds to 127.0.0.1 only and prints a URL that carries the token', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('cannot be reached on another interface of this machine', async () => {
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return; // a machine with loopback only: nothing else to reach it on
    await expect(send(host, { path: '/', address: external.address })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('serves the app shell without the token, with a strict CSP', async () => {
    const r = await send(host, { path: '/' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>CollectDesk</title>');
    expect(r.headers['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self'/);
    expect(r.headers['x-frame-options']).toBe('DENY');
  });

  it('answers 401 to every /api/ request without the right token, whatever the method', async () => {
    for (const [method, path, headers] of [
      ['POST', '/api/app.status', {}],
      ['GET', '/api/app.status', {}],
      ['DELETE', '/api/users.list', {}],
      ['POST', '/api/no.such.method', {}],
      ['POST', '/api/app.status', { Authorization: 'Bearer wrong-token' }],
      ['POST', '/api/app.status', { Authorization: host.token }],
      ['POST', '/api', {}],
    ] as const) {
      const r = await send(host, { method, path, headers });
      expect(r.status, `${method} ${path}`).toBe(401);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
  });

  it('runs a method with the token and answers with the envelope', async () => {
    const r = await send(host, { method: 'POST', path: '/api/app.status', headers: auth(), body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { state: 'new', user: null } });
    const bad = await send(host, { method: 'POST', path: '/api/auth.signIn', headers: auth(), body: '{"name":""}' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin, even with the token', async () => {
    for (const Host of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`]) {
      const r = await send(host, { method: 'POST', path: '/api/app.status', headers: { ...auth(), Host } });
      expect(r.status, Host).toBe(403);
    }
    expect((await send(host, { path: '/', headers: { Host: 'evil.example' } })).status).toBe(403);
    const cross = await send(host, { method: 'POST', path: '/api/app.status', headers: { ...auth(), Origin: 'https://evil.example' } });
    expect(cross.status).toBe(403);
    const own = await send(host, { method: 'POST', path: '/api/app.status', headers: { ...auth(), Origin: `http://127.0.0.1:${host.port}`, Host: `localhost:${host.port}` } });
    expect(own.status).toBe(200);
  });

  it('refuses malformed JSON and oversize bodies with a clear error', async () => {
    const malformed = await send(host, { method: 'POST', path: '/api/app.status', headers: auth(), body: '{"oops' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.message).toMatch(/not valid JSON/);
    const huge = await send(host, { method: 'POST', path: '/api/auth.signIn', headers: auth(), body: Buffer.alloc(200 * 1024, 0x61) }).catch((e: unknown) => e);
    if (!(huge instanceof Error)) {
      expect((huge as Reply).status).toBe(413);
    } else {
      expect((huge as NodeJS.ErrnoException).code).toMatch(/ECONNRESET|EPIPE/);
    }
  });

  it('never serves a file outside the app folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/static/../../secret.txt']) {
      const r = await send(host, { path });
      expect(r.body, path).not.toContain('outside the app folder');
    }
  });

  it('takes an upload only with the token, on first run (a backup to restore) or from a signed-in lead, and stages it in the data folder', async () => {
    const body = 'case,amount\r\nA1,1.00\r\n';
    const headers = { 'X-File-Name': encodeURIComponent('委案 2026-11.csv'), 'Content-Type': 'application/octet-stream' };
    expect((await send(host, { method: 'POST', path: '/upload', headers, body })).status).toBe(401);
    const firstRun = await send(host, { method: 'POST', path: '/upload', headers: { ...auth(), ...headers }, body });
    expect(JSON.parse(firstRun.body)).toMatchObject({ ok: true, value: { name: '委案 2026-11.csv', size: Buffer.byteLength(body) } });
    const setupInput = { passphrase: 'correct horse battery', adminName: 'boss', adminDisplayName: 'Boss', adminPassword: 'boss-password' };
    const setup = await send(host, { method: 'POST', path: '/api/app.setup', headers: auth(), body: JSON.stringify(setupInput) });
    expect(JSON.parse(setup.body)).toMatchObject({ ok: true });
    const cookie = setCookies(setup)[0]!.split(';')[0]!;
    // The token alone is no sign-in: a browser without the session's cookie may not upload.
    const tokenOnly = await send(host, { method: 'POST', path: '/upload', headers: { ...auth(), ...headers }, body });
    expect(JSON.parse(tokenOnly.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const r = await send(host, { method: 'POST', path: '/upload', headers: { ...auth(), ...headers, Cookie: cookie }, body });
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { name: '委案 2026-11.csv', size: Buffer.byteLength(body) } });
    const noName = await send(host, { method: 'POST', path: '/upload', headers: { ...auth(), Cookie: cookie }, body });
    expect(JSON.parse(noName.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await app.dispatch('app.lock', {});
    const locked = await send(host, { method: 'POST', path: '/upload', headers: { ...auth(), ...headers }, body });
    expect(JSON.parse(locked.body)).toMatchObject({ ok: false, error: { code: 'locked' } });
    await app.dispatch('app.unlock', { passphrase: 'correct horse battery' });
    const signedOut = await send(host, { method: 'POST', path: '/upload', headers: { ...auth(), ...headers }, body });
    expect(JSON.parse(signedOut.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('streams a large upload to disk: memory stays far below the size of the body', async () => {
    const size = 128 * 1024 * 1024;
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/upload',
          headers: { Host: `127.0.0.1:${host.port}`, ...auth(), 'Content-Type': 'application/octet-stream', 'X-File-Name': 'big.csv', 'Content-Length': String(size) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      let sent = 0;
      const pump = (): void => {
        while (sent < size) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    clearInterval(sampler);
    const staged = JSON.parse(reply.body) as { ok: boolean; value: { fileRef: string; size: number } };
    expect(staged).toMatchObject({ ok: true, value: { size } });
    expect(statSync(join(tmp.dir, 'data', 'staging', staged.value.fileRef, 'big.csv')).size).toBe(size);
    // Buffered, the growth would exceed the body (128 MB); streamed it stays at a fixed ~35 MB whatever the size.
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);

  it('refuses an upload larger than its limit with 413 and keeps nothing of it', async () => {
    const small = await startWebHost({ app, staticDir: join(tmp.dir, 'static'), maxUploadBytes: 1024 * 1024 });
    try {
      const headers = { Authorization: `Bearer ${small.token}`, 'Content-Type': 'application/octet-stream', 'X-File-Name': 'big.cdbackup' };
      // Said by its Content-Length: refused before a byte is read.
      const declared = await send(small, { method: 'POST', path: '/upload', headers, body: Buffer.alloc(2 * 1024 * 1024, 1) }).catch((e: unknown) => e as NodeJS.ErrnoException);
      if (declared instanceof Error) expect(declared.code).toMatch(/ECONNRESET|EPIPE/);
      else {
        expect(declared.status).toBe(413);
        expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The file is larger than 1 MB.' } });
      }
      // Chunked, no length: refused once it grows past the limit, and the partial file is removed.
      const chunked = await new Promise<Reply>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: small.port, method: 'POST', path: '/upload', headers: { Host: `127.0.0.1:${small.port}`, ...headers, 'Transfer-Encoding': 'chunked' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        });
        req.on('error', reject);
        for (let i = 0; i < 3; i++) req.write(Buffer.alloc(512 * 1024, 2));
        req.end();
      });
      expect(chunked.status).toBe(413);
      expect(JSON.parse(chunked.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const staging = join(tmp.dir, 'data', 'staging');
      expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
    } finally {
      await small.close();
    }
  });
});
