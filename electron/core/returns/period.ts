import { addDays, daysBetween, zonedInstant } from '../../../shared/compliance/zoned';
import type { ReturnsSection } from '../../../shared/profile/returns-schema';
import type { Actor } from '../auth/actor';
import { getClient, type ClientRecord } from '../clients/clients';
import type { Db } from '../db/open';
import { CoreError } from '../errors';

export interface ReturnsQuery {
  clientCode: string;
  /** first calendar day of the period, YYYY-MM-DD, in the client's time zone */
  from: string;
  /** last calendar day, inclusive */
  to: string;
}

/** A period resolved for one client: its returns template and the instants that bound the days. */
export interface Period {
  client: ClientRecord;
  returns: ReturnsSection;
  tz: string;
  from: string;
  to: string;
  /** first instant of `from` in the client's zone (UTC ISO) */
  fromAt: string;
  /** first instant after `to` */
  toAt: string;
}

export const MAX_PERIOD_DAYS = 366;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(d: string): boolean {
  return DAY.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
}

/** Leads and admins produce returns; the client must have a returns section and the period must make sense. */
export function resolvePeriod(db: Db, actor: Actor, q: ReturnsQuery): Period {
  if (actor.role === 'collector') throw new CoreError('forbidden', 'Only a team lead or an admin can produce the returns for a bank.');
  for (const k of ['from', 'to'] as const) {
    if (!validDay(q[k])) throw new CoreError('invalid_input', `The ${k === 'from' ? 'first' : 'last'} day of the period must be a date YYYY-MM-DD, not "${q[k]}".`, { field: k });
  }
  if (q.from > q.to) throw new CoreError('invalid_input', 'The period starts after it ends.', { field: 'from' });
  if (daysBetween(q.from, q.to) >= MAX_PERIOD_DAYS) {
    throw new CoreError('invalid_input', `A returns period covers at most ${MAX_PERIOD_DAYS} days; export it in parts.`, { field: 'to' });
  }
  const client = getClient(db, q.clientCode);
  const returns = client.profile.returns;
  if (!returns) {
    throw new CoreError('invalid_input', `The profile of ${client.code} has no returns section, so there is no template to write its returns in. An admin adds one (docs/profiles.md) and runs client update.`, { field: 'client' });
  }
  const tz = client.profile.timezone;
  return {
    client,
    returns,
    tz,
    from: q.from,
    to: q.to,
    fromAt: zonedInstant(q.from, 0, 0, tz).toISOString(),
    toAt: zonedInstant(addDays(q.to, 1), 0, 0, tz).toISOString(),
  };
}

const compact = (day: string): string => day.replaceAll('-', '');

/** The file's name from the profile's template ({client}, {from}, {to}), always with the format's extension. */
export function fileNameFor(template: string | undefined, fallback: string, p: Pick<Period, 'client' | 'from' | 'to'>, ext: 'csv' | 'xlsx'): string {
  const name = (template ?? fallback).replaceAll('{client}', p.client.code).replaceAll('{from}', compact(p.from)).replaceAll('{to}', compact(p.to));
  return name.toLowerCase().endsWith(`.${ext}`) ? name : `${name}.${ext}`;
}
