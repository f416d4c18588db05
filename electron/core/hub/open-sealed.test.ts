import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/domain/ids';
import { openFields, sealFields, type ChangeRecord } from '../../../shared/replication/change';
import { generateDataKeyBytes, importDataKey, SealError } from '../../../shared/replication/sealed-value';
import { openFieldsNow, type RawKeyring } from './open-sealed';

/** A pulled change's sealed fields open the same with Node's AES-GCM as with WebCrypto, and fail the same way. */
const call = (): ChangeRecord => ({
  changeId: uuidv7(), entity: 'activity', id: uuidv7(), op: 'upsert', hlc: '2026-12-07T19:26:00.000Z-0000-0190A1B2C3D4E5F6', station: uuidv7(), user: uuidv7(),
  schemaVersion: 13, routeKey: 'case-1', fields: { notes: '债务人称月底前还款两千元', phone: '13800138000', duration_s: 42, verdicts: [], override_reason: null },
});

async function sealed(): Promise<{ change: ChangeRecord; plain: ChangeRecord; keys: RawKeyring; ring: Map<string, CryptoKey> }> {
  const raw = generateDataKeyBytes();
  const key = await importDataKey(raw.id, raw.raw);
  const plain = call();
  const change = await sealFields(plain, ['notes', 'phone', 'override_reason'], key);
  return { change, plain, keys: new Map([[raw.id, Buffer.from(raw.raw)]]), ring: new Map([[raw.id, key.key]]) };
}

const failure = (fn: () => unknown): SealError => {
  try {
    fn();
  } catch (err) {
    return err as SealError;
  }
  throw new Error('it opened');
};

describe('opening sealed fields', () => {
  it('gives the values WebCrypto gives', async () => {
    const { change, plain, keys, ring } = await sealed();
    expect(change.fields.notes).not.toBe(plain.fields.notes);
    expect(openFieldsNow(change, keys)).toEqual(plain);
    expect(openFieldsNow(change, keys)).toEqual(await openFields(change, ring));
  });

  it('refuses a value moved to another row, an altered one, and one sealed with a key this station does not hold', async () => {
    const { change, keys } = await sealed();
    const moved = failure(() => openFieldsNow({ ...change, id: uuidv7() }, keys));
    expect(moved).toBeInstanceOf(SealError);
    expect(moved.code).toBe('undecryptable');
    const notes = change.fields.notes as { k: string; iv: string; ct: string };
    const flipped = `${notes.ct.slice(0, -2)}${notes.ct.at(-2) === 'A' ? 'B' : 'A'}${notes.ct.slice(-1)}`;
    expect(failure(() => openFieldsNow({ ...change, fields: { ...change.fields, notes: { ...notes, ct: flipped } } }, keys)).code).toBe('undecryptable');
    expect(failure(() => openFieldsNow(change, new Map())).code).toBe('unknown_key');
  });
});
