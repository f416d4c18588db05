import { describe, expect, it } from 'vitest';
import { sha256Hex, utf8 } from './bytes';
import { exportPrivateKey, exportPublicKey, generateStationKeys, HUB_HEADERS, importPrivateKey, importPublicKey, readSignedHeaders, signRequest, verifyRequest, type SignedParts } from './signing';

const STATION = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

async function signed(body: string) {
  const keys = await generateStationKeys();
  const headers = await signRequest({ method: 'post', target: '/v1/push', body, stationId: STATION, privateKey: keys.privateKey, schemaVersion: 3, nowMs: 1_800_000_000_000 });
  const h = readSignedHeaders((n) => headers[n]);
  if (typeof h === 'string') throw new Error(h);
  const parts: SignedParts = { method: 'POST', target: '/v1/push', timestampMs: h.timestampMs, nonce: h.nonce, bodySha256: await sha256Hex(utf8(body)), stationId: h.stationId, schemaVersion: h.schemaVersion };
  return { keys, headers, h, parts };
}

describe('request signatures (Ed25519)', () => {
  it('verify with the station\'s public key, exported and imported as the hub stores it', async () => {
    const { keys, h, parts } = await signed('{"changes":[]}');
    const pub = await importPublicKey(await exportPublicKey(keys.publicKey));
    expect(await verifyRequest(pub, parts, h.signature)).toBe(true);
    const again = await importPrivateKey(await exportPrivateKey(keys.privateKey));
    const h2 = await signRequest({ method: 'POST', target: '/v1/push', body: '{"changes":[]}', stationId: STATION, privateKey: again, schemaVersion: 3, nowMs: parts.timestampMs, nonce: parts.nonce });
    expect(await verifyRequest(pub, parts, h2[HUB_HEADERS.signature] ?? '')).toBe(true);
  });

  it('fail when anything signed changes: body, path, time, nonce, station or version', async () => {
    const { keys, h, parts } = await signed('{"changes":[]}');
    const variants: SignedParts[] = [
      { ...parts, bodySha256: await sha256Hex(utf8('{"changes":[1]}')) },
      { ...parts, target: '/v1/pull' },
      { ...parts, method: 'GET' },
      { ...parts, timestampMs: parts.timestampMs + 1 },
      { ...parts, nonce: 'AAAAAAAAAAAAAAAAAAAAAA' },
      { ...parts, stationId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c' },
      { ...parts, schemaVersion: 4 },
    ];
    for (const v of variants) expect(await verifyRequest(keys.publicKey, v, h.signature)).toBe(false);
    const other = await generateStationKeys();
    expect(await verifyRequest(other.publicKey, parts, h.signature)).toBe(false);
  });

  it('names the header that is missing or malformed', () => {
    expect(readSignedHeaders(() => undefined)).toContain(HUB_HEADERS.station);
    const some: Record<string, string> = { [HUB_HEADERS.station]: STATION, [HUB_HEADERS.timestamp]: 'soon' };
    expect(readSignedHeaders((n) => some[n])).toContain(HUB_HEADERS.timestamp);
  });
});
