import type { Channel, Party } from '../../shared/compliance/types';
import { normalisePhone } from '../../shared/domain/phone';
import type { ContactRequest } from '../core/contact/contact-context';
import { UsageError } from './errors';

const CHANNELS: Channel[] = ['call', 'sms', 'visit', 'letter', 'email'];
const PARTIES: Party[] = ['debtor', 'related', 'third', 'none'];
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export const CONTACT_OPTIONS = {
  client: { type: 'string' },
  case: { type: 'string' },
  channel: { type: 'string' },
  party: { type: 'string' },
  phone: { type: 'string' },
  at: { type: 'string' },
  as: { type: 'string' },
} as const;

export interface ContactFlags {
  client?: string;
  case?: string;
  channel?: string;
  party?: string;
  phone?: string;
  at?: string;
}

/** The flags naming one contact, checked: --client, --case, --channel, --party, --phone, --at. */
export function contactRequest(v: ContactFlags, command: string): ContactRequest {
  if (!v.client || !v.case) throw new UsageError(`${command} needs --client CODE and --case CASE_NO.`);
  if (!v.channel || !CHANNELS.includes(v.channel as Channel)) throw new UsageError(`--channel must be one of ${CHANNELS.join(', ')}.`);
  if (!v.party || !PARTIES.includes(v.party as Party)) throw new UsageError(`--party must be one of ${PARTIES.join(', ')}.`);
  if (!v.at || !INSTANT.test(v.at) || Number.isNaN(Date.parse(v.at))) throw new UsageError('--at must be an instant with an offset or Z, e.g. 2026-11-24T21:30:00+08:00.');
  const phone = v.phone === undefined ? null : normalisePhone(v.phone);
  if ((v.channel === 'call' || v.channel === 'sms') && !phone) throw new UsageError(`--phone is needed for a ${v.channel}.`);
  return { clientCode: v.client, caseNo: v.case, channel: v.channel as Channel, party: v.party as Party, phone, at: new Date(v.at) };
}
