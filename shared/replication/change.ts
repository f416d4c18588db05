import { z } from 'zod';
import { isHlcString } from './hlc';
import { EncryptedValue, fieldContext, isEncryptedValue, openValue, sealValue, type DataKey, type JsonValue, type Keyring } from './sealed-value';

/**
 * A change record: one write to one replicated row, as it crosses the hub. The envelope (entity, ids, op, clock,
 * author, schema version, routing key) is in the clear so the hub can order, deduplicate and route it; personal
 * field values are sealed (`{k, iv, ct}`) by the station before they leave it.
 *
 * Version skew: properties and fields this version does not know are kept and forwarded as they came (the record is
 * a loose object and entity names are free-form identifiers); a station applies what it understands.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const UUIDV7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const ENTITY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
export const FIELD_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
export const ROUTE_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const MAX_FIELDS = 256;

export const Uuid = z.string().regex(UUID_PATTERN, 'a lower-case UUID');
export const UuidV7 = z.string().regex(UUIDV7_PATTERN, 'a lower-case UUIDv7');
export const HlcString = z.string().refine(isHlcString, 'a hybrid logical clock: 2026-12-07T19:26:00.000Z-0000-0190A1B2C3D4E5F6');
export const RouteKey = z.string().regex(ROUTE_KEY_PATTERN, 'a routing key is 1-128 letters, digits or . _ : -');
export const SchemaVersion = z.number().int().min(1).max(1_000_000);
export const FieldValue = z.union([EncryptedValue, z.json()]);
export type FieldValue = EncryptedValue | JsonValue;

export const ChangeRecord = z
  .looseObject({
    /** unique per change: a resent change is recognised by it */
    changeId: UuidV7,
    entity: z.string().regex(ENTITY_PATTERN, 'an entity name is lower-case letters, digits and _'),
    /** the row's id */
    id: UuidV7,
    /** delete writes a tombstone: no fields, its clock orders it against edits */
    op: z.enum(['upsert', 'delete']),
    fields: z.record(z.string().regex(FIELD_PATTERN, 'a field name is letters, digits and _'), FieldValue),
    hlc: HlcString,
    /** the station that made the change (it must be the one pushing it) */
    station: Uuid,
    /** the user who made it */
    user: Uuid,
    schemaVersion: SchemaVersion,
    /** the case the row belongs to (null: every station gets it — profiles, rule packs, scripts) */
    routeKey: RouteKey.nullable(),
  })
  .superRefine((r, ctx) => {
    const n = Object.keys(r.fields).length;
    if (n > MAX_FIELDS) ctx.addIssue({ code: 'custom', path: ['fields'], message: `at most ${MAX_FIELDS} fields, not ${n}` });
    if (r.op === 'delete' && n > 0) ctx.addIssue({ code: 'custom', path: ['fields'], message: 'a delete (tombstone) carries no fields' });
  });
export type ChangeRecord = z.infer<typeof ChangeRecord>;

/** Seals the named fields of a change with the data key (the others stay as they are). */
export async function sealFields<T extends ChangeRecord>(change: T, personal: readonly string[], key: DataKey): Promise<T> {
  const fields: Record<string, FieldValue> = { ...change.fields };
  for (const name of personal) {
    const value = fields[name];
    if (value === undefined || isEncryptedValue(value)) continue;
    fields[name] = await sealValue(key, value, fieldContext(change.entity, change.id, name));
  }
  return { ...change, fields };
}

/** Opens every sealed field of a change with the keyring. */
export async function openFields<T extends ChangeRecord>(change: T, keyring: Keyring): Promise<T> {
  const fields: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(change.fields)) {
    fields[name] = isEncryptedValue(value) ? await openValue(keyring, value, fieldContext(change.entity, change.id, name)) : value;
  }
  return { ...change, fields };
}
