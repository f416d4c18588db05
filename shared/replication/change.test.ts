import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../domain/ids';
import { ChangeRecord, openFields, sealFields } from './change';
import { fromUtf8, fromBase64Url } from './bytes';
import { generateDataKeyBytes, importDataKey, isEncryptedValue, SealError } from './sealed-value';

const station = uuidv7();
const base = {
  changeId: uuidv7(),
  entity: 'debtor',
  id: uuidv7(),
  op: 'upsert' as const,
  fields: { name: '李娜', mobile: '13800138000', timeZone: 'Asia/Shanghai' },
  hlc: '2026-12-07T19:26:00.000Z-0000-0190A1B2C3D4E5F6',
  station,
  user: uuidv7(),
  schemaVersion: 1,
  routeKey: 'case-1',
};

describe('ChangeRecord', () => {
  it('keeps envelope properties and fields it does not know', () => {
    const future = { ...base, entity: 'recording', fields: { ...base.fields, durationS: 61 }, retention: { years: 5 } };
    expect(ChangeRecord.parse(future)).toEqual(future);
  });

  it('refuses a tombstone with fields, a bad clock, a field or entity name that is not an identifier', () => {
    expect(ChangeRecord.safeParse({ ...base, op: 'delete' }).success).toBe(false);
    expect(ChangeRecord.safeParse({ ...base, op: 'delete', fields: {} }).success).toBe(true);
    expect(ChangeRecord.safeParse({ ...base, hlc: '2026-12-07' }).success).toBe(false);
    expect(ChangeRecord.safeParse({ ...base, entity: 'cases; DROP TABLE log' }).success).toBe(false);
    expect(ChangeRecord.safeParse({ ...base, fields: { 'a-b': 1 } }).success).toBe(false);
    expect(ChangeRecord.safeParse({ ...base, id: '0190a1b2-c3d4-4e5f-8a9b-0c1d2e3f4a5b' }).success).toBe(false);
  });
});

describe('sealed fields', () => {
  it('seals the personal fields with the data key (AES-256-GCM) and opens them with the keyring', async () => {
    const raw = generateDataKeyBytes();
    const key = await importDataKey(raw.id, raw.raw);
    const sealed = await sealFields(ChangeRecord.parse(base), ['name', 'mobile'], key);
    expect(sealed.fields.timeZone).toBe('Asia/Shanghai');
    expect(isEncryptedValue(sealed.fields.name)).toBe(true);
    expect(sealed.fields.name).toMatchObject({ k: raw.id });
    expect(JSON.stringify(sealed)).not.toContain('李娜');
    expect(JSON.stringify(sealed)).not.toContain('13800138000');
    expect(ChangeRecord.parse(sealed)).toEqual(sealed);
    const opened = await openFields(sealed, new Map([[raw.id, key.key]]));
    expect(opened.fields).toEqual(base.fields);
  });

  it('does not open a value moved to another field or row, nor with a key the station lacks', async () => {
    const raw = generateDataKeyBytes();
    const key = await importDataKey(raw.id, raw.raw);
    const sealed = await sealFields(ChangeRecord.parse(base), ['name', 'mobile'], key);
    const keyring = new Map([[raw.id, key.key]]);
    const swapped = { ...sealed, fields: { ...sealed.fields, name: sealed.fields.mobile ?? null } };
    await expect(openFields(swapped, keyring)).rejects.toMatchObject({ code: 'undecryptable' });
    await expect(openFields({ ...sealed, id: uuidv7() }, keyring)).rejects.toBeInstanceOf(SealError);
    await expect(openFields(sealed, new Map())).rejects.toMatchObject({ code: 'unknown_key' });
    const ct = (sealed.fields.name as { ct: string }).ct;
    expect(() => fromUtf8(fromBase64Url(ct))).toThrow();
  });
});
