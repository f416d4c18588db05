import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/open';

/**
 * The audit seal: an HMAC-SHA256 of each audit row's hash, and of every anchor (the chain's head kept outside the
 * table), under a key derived with HKDF from the database key. The plain hash chain can be recomputed by anyone who
 * can write SQL to the store; a seal only by whoever also derives this key from the database key (the passphrase,
 * or the raw key, and this derivation). See docs/security.md for what this does and does not prove.
 */
const INFO = 'collectdesk audit seal v1';

export function deriveSealKey(databaseKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), INFO, 32));
}

/** The seal key of each open connection, set by openDatabase from the key it opened the file with. */
const keys = new WeakMap<Db, Buffer>();

export function setSealKey(db: Db, key: Buffer): void {
  keys.set(db, key);
}

export function sealKeyOf(db: Db): Buffer {
  const key = keys.get(db);
  if (!key) throw new Error('This connection has no audit seal key: open the store with openDatabase.');
  return key;
}

/** The seal of `parts` (strings and numbers, in order) under `key`, as hex. */
export function seal(key: Buffer, ...parts: (string | number)[]): string {
  return createHmac('sha256', key).update(JSON.stringify(parts)).digest('hex');
}

export function sealHolds(key: Buffer, mac: string | null | undefined, ...parts: (string | number)[]): boolean {
  if (typeof mac !== 'string' || !/^[0-9a-f]{64}$/.test(mac)) return false;
  return timingSafeEqual(Buffer.from(mac, 'hex'), Buffer.from(seal(key, ...parts), 'hex'));
}

/** A row's seal: over its number and its hash (which chains every row before it). */
export function rowSeal(key: Buffer, seq: number, hash: string): string {
  return seal(key, 'row', seq, hash);
}
