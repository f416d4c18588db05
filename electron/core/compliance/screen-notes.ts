import { screenNote, type ScreenResult } from '../../../shared/compliance/screening/screen';
import { getClient } from '../clients/clients';
import type { Db } from '../db/open';
import { rulePack } from './packs';

/**
 * Screens notes as recording an activity for this client would (CN-P, CN-PAY, US-P): the client's rule pack,
 * with its profile's repayment channels as the bank's. Reads the client's profile; writes nothing.
 */
export function screenNotesForClient(db: Db, clientCode: string, notes: readonly string[]): ScreenResult[] {
  const client = getClient(db, clientCode);
  const pack = rulePack(client.profile.rulePack);
  const profile = { repaymentChannels: client.profile.repaymentChannels ?? [] };
  return notes.map((text) => screenNote(text, pack, profile));
}
