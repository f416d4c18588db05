import type { HubUser, Replica, StationView } from './api';
import type { HubClient } from './client';
import { HubRequestError } from './client';
import { joinProof, openEnrollment, parseEnrollmentCode, prepareEnrollment } from './enrollment-code';
import { generateDataKeyBytes } from './sealed-value';
import { exportPublicKey, type StationKeys } from './signing';

/**
 * The three steps of trust, as a station runs them: claim a fresh hub (the first admin station, which makes the
 * agency's data key), issue an enrollment code for named users, join with one.
 */
export interface AgencyKey {
  id: string;
  raw: Uint8Array<ArrayBuffer>;
}

export async function claimHub(client: HubClient, keys: StationKeys, input: { setupCode: string; stationName: string; users: HubUser[] }): Promise<{ agencyId: string; station: StationView; dataKey: AgencyKey }> {
  const res = await client.claim({ setupCode: input.setupCode, station: { id: client.identity.stationId, name: input.stationName, publicKey: await exportPublicKey(keys.publicKey) }, users: input.users });
  return { agencyId: res.agencyId, station: res.station, dataKey: generateDataKeyBytes() };
}

export async function issueEnrollmentCode(
  client: HubClient,
  input: { dataKeys: readonly AgencyKey[]; users: HubUser[]; replica: Replica; ttlMs: number; nowMs?: number },
): Promise<{ text: string; codeId: string; expiresAt: string }> {
  const prepared = await prepareEnrollment(input.dataKeys);
  const expiresAt = new Date((input.nowMs ?? client.now()) + input.ttlMs).toISOString();
  const res = await client.issueEnrollmentCode({ id: prepared.code.id, verifier: prepared.verifier, wrappedKeys: prepared.wrappedKeys, users: input.users, replica: input.replica, expiresAt });
  return { text: prepared.text, codeId: res.code.id, expiresAt: res.code.expiresAt };
}

export async function joinHub(client: HubClient, keys: StationKeys, input: { codeText: string; stationName: string }): Promise<{ agencyId: string; station: StationView; dataKeys: AgencyKey[] }> {
  const parsed = parseEnrollmentCode(input.codeText);
  if (!parsed.ok) throw new HubRequestError('invalid_input', parsed.message, 0, { reason: parsed.reason });
  const res = await client.join({ codeId: parsed.code.id, proof: await joinProof(parsed.code), station: { id: client.identity.stationId, name: input.stationName, publicKey: await exportPublicKey(keys.publicKey) } });
  return { agencyId: res.agencyId, station: res.station, dataKeys: await openEnrollment(parsed.code, res.wrappedKeys) };
}
