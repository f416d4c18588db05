import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import type { ClientRecord } from '../clients/clients';
import type { Db } from '../db/open';
import { CoreError } from '../errors';

/**
 * The sync secret of a client, stored in `clients.sync_secret_enc`. The database is encrypted at rest already; the
 * secret is sealed once more with AES-256-GCM under a key derived (HKDF-SHA256) from the database key and the
 * client's id, so it never sits in plaintext in any page, and a blob copied to another client's row does not open.
 * Layout: version byte 1 | 12-byte IV | 16-byte tag | ciphertext.
 */
const VERSION = 1;
const INFO = Buffer.from('collectdesk sync secret v1', 'utf8');
export const MIN_SECRET_LENGTH = 16;
export const MAX_SECRET_LENGTH = 512;

function secretKey(dbKey: Buffer, clientId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.from(clientId, 'utf8'), INFO, 32));
}

export function sealSecret(dbKey: Buffer, clientId: string, secret: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretKey(dbKey, clientId), iv);
  cipher.setAAD(Buffer.from(clientId, 'utf8'));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function openSecret(dbKey: Buffer, clientId: string, blob: Buffer): string {
  if (blob.length < 29 || blob[0] !== VERSION) throw unreadable();
  const decipher = createDecipheriv('aes-256-gcm', secretKey(dbKey, clientId), blob.subarray(1, 13));
  decipher.setAAD(Buffer.from(clientId, 'utf8'));
  decipher.setAuthTag(blob.subarray(13, 29));
  try {
    return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]).toString('utf8');
  } catch {
    throw unreadable();
  }
}

function unreadable(): CoreError {
  return new CoreError('conflict', 'The stored sync secret cannot be read (it was not made with this database’s key). Give it again with client update and $COLLECTDESK_SYNC_SECRET.', { field: 'syncSecret' });
}

export function checkSecret(secret: string): void {
  if (secret.length < MIN_SECRET_LENGTH || secret.length > MAX_SECRET_LENGTH || /[\r\n]/.test(secret)) {
    throw new CoreError('invalid_input', `The sync secret must be ${MIN_SECRET_LENGTH} to ${MAX_SECRET_LENGTH} characters on one line.`, { field: 'syncSecret' });
  }
}

/** Stores (or, with null, removes) a client's sync secret, audited without the secret itself. */
export function storeSyncSecret(db: Db, dbKey: Buffer, client: Pick<ClientRecord, 'id' | 'code'>, secret: string | null, actor: Actor, now: string): void {
  if (actor.role !== 'admin') throw new CoreError('forbidden', 'Only an admin can set a sync secret.');
  if (secret !== null) checkSecret(secret);
  db.transaction(() => {
    db.prepare('UPDATE clients SET sync_secret_enc = ?, updated_at = ? WHERE id = ?').run(secret === null ? null : sealSecret(dbKey, client.id, secret), now, client.id);
    appendAudit(db, { actorId: actor.id, via: actor.via, action: secret === null ? 'client.sync_secret_remove' : 'client.sync_secret_set', entity: 'client', entityId: client.id, details: { code: client.code } }, now);
  })();
}

export function hasSyncSecret(db: Db, clientId: string): boolean {
  return db.prepare('SELECT sync_secret_enc IS NOT NULL FROM clients WHERE id = ?').pluck().get(clientId) === 1;
}

export function loadSyncSecret(db: Db, dbKey: Buffer, clientId: string): string | null {
  const blob = db.prepare('SELECT sync_secret_enc FROM clients WHERE id = ?').pluck().get(clientId) as Buffer | null | undefined;
  return blob ? openSecret(dbKey, clientId, blob) : null;
}
