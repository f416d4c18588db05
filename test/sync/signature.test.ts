import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeSyncSecret } from '../../electron/core/sync/secret';
import { signRequest } from '../../electron/core/sync/signature';
import { KEY_ID, SECRET, startAgency, startBank, type Bank } from './support';

interface Answer {
  status: number;
  json: { error?: { code: string; message: string }; records?: unknown[] };
}

/** One raw request to the simulator, with the given headers. */
function send(bank: Bank, method: 'GET' | 'POST', target: string, headers: Record<string, string>, body = Buffer.alloc(0)): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: bank.bank.port, method, path: target, headers: { ...headers, 'content-type': 'application/json', 'content-length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['json'] }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const PULL = '/v1/pull?limit=10';
const signed = (over: Partial<Parameters<typeof signRequest>[0]> = {}) => signRequest({ method: 'GET', path: PULL, body: Buffer.alloc(0), keyId: KEY_ID, secret: SECRET, ...over });

describe('the simulator checks every signature', () => {
  let bank: Bank;
  beforeAll(async () => {
    bank = await startBank();
  });
  afterAll(() => bank.stop());

  it('accepts a signed request', async () => {
    expect(await send(bank, 'GET', PULL, signed())).toMatchObject({ status: 200, json: { records: [] } });
  });

  it('refuses a bad signature: another secret, a changed path, a changed body', async () => {
    expect(await send(bank, 'GET', PULL, signed({ secret: 'not the secret the bank issued' }))).toMatchObject({ status: 401, json: { error: { code: 'bad_signature' } } });
    expect(await send(bank, 'GET', '/v1/pull?limit=11', signed())).toMatchObject({ status: 401, json: { error: { code: 'bad_signature' } } });
    const body = Buffer.from(JSON.stringify({ items: [] }));
    const headers = signRequest({ method: 'POST', path: '/v1/outcomes', body, keyId: KEY_ID, secret: SECRET });
    expect(await send(bank, 'POST', '/v1/outcomes', headers, Buffer.from(JSON.stringify({ items: [1] })))).toMatchObject({ status: 401, json: { error: { code: 'bad_signature' } } });
  });

  it('refuses a timestamp more than 5 minutes off, either way, and takes one within', async () => {
    const skewed = await send(bank, 'GET', PULL, signed({ nowMs: Date.now() - 6 * 60_000 }));
    expect(skewed).toMatchObject({ status: 401, json: { error: { code: 'clock_skew' } } });
    expect(skewed.json.error?.message).toMatch(/at most 300 s/);
    expect((await send(bank, 'GET', PULL, signed({ nowMs: Date.now() + 6 * 60_000 }))).status).toBe(401);
    expect((await send(bank, 'GET', PULL, signed({ nowMs: Date.now() - 4 * 60_000 }))).status).toBe(200);
  });

  it('refuses a replayed request (a nonce used before)', async () => {
    const headers = signed();
    expect((await send(bank, 'GET', PULL, headers)).status).toBe(200);
    expect(await send(bank, 'GET', PULL, headers)).toMatchObject({ status: 401, json: { error: { code: 'nonce_reused' } } });
  });

  it('refuses an unknown key id and an unsigned request', async () => {
    expect(await send(bank, 'GET', PULL, signed({ keyId: 'someone-else' }))).toMatchObject({ status: 401, json: { error: { code: 'unknown_key' } } });
    expect(await send(bank, 'GET', PULL, {})).toMatchObject({ status: 401, json: { error: { code: 'missing_signature' } } });
    expect(bank.store.stats().counters).toMatchObject({ 'refused.unknown_key': 1, 'refused.missing_signature': 1 });
  });

  it('a round signed with the wrong secret is refused at once (no retries), in plain words, recorded with a later next try', async () => {
    const agency = await startAgency(bank.bank.url);
    try {
      storeSyncSecret(agency.db, agency.key, agency.client, 'a secret the bank never issued', agency.actor, new Date().toISOString());
      const r = await agency.round();
      expect(r).toMatchObject({ ok: false, retries: 0, errors: [{ stage: 'pull', code: 'signature_refused' }] });
      expect(r.errors[0]?.message).toBe('The bank refused our signature: the signature does not match: the sync secret stored for this client is not the one the bank issued.');
      const state = agency.db.prepare('SELECT last_error, last_error_at, failures, next_attempt_at FROM sync_state').get() as { last_error: string; failures: number; next_attempt_at: string };
      expect(state).toMatchObject({ last_error: r.errors[0]?.message, failures: 1 });
      expect(Date.parse(state.next_attempt_at)).toBeGreaterThan(Date.now() + 10_000);
    } finally {
      agency.close();
    }
  });
});
