import { standardOffsetMinutes } from '../../../shared/compliance/zoned';
import { uuidv7 } from '../../../shared/domain/ids';
import { ClientProfile, describeProfileIssues, profileIssues } from '../../../shared/profile/schema';
import { appendAudit } from '../audit/audit';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { fillKpiDays } from '../db/migrations/0006-kpi-days';
import { CoreError } from '../errors';

export interface ClientRecord {
  id: string;
  code: string;
  name: string;
  profile: ClientProfile;
}

/** Validates a profile; the error lists every bad key by its path, e.g. "placement.columns: unknown key "caseNumber"". */
export function parseProfile(json: unknown, source: string): ClientProfile {
  const r = ClientProfile.safeParse(json);
  if (!r.success) {
    const issues = describeProfileIssues(r.error);
    throw new CoreError('invalid_input', `${source} is not a valid client profile: ${issues.join('; ')}.`, { file: source, issues, problems: profileIssues(r.error) });
  }
  return r.data;
}

export function getClient(db: Db, code: string): ClientRecord {
  const row = db.prepare('SELECT id, code, name, profile_json FROM clients WHERE code = ?').get(code) as
    | { id: string; code: string; name: string; profile_json: string }
    | undefined;
  if (!row) throw new CoreError('not_found', `There is no client "${code}". Register it with its profile first (client add).`, { field: 'client' });
  return { id: row.id, code: row.code, name: row.name, profile: ClientProfile.parse(JSON.parse(row.profile_json)) };
}

export function listClients(db: Db): { id: string; code: string; name: string }[] {
  return db.prepare('SELECT id, code, name FROM clients ORDER BY code').all() as { id: string; code: string; name: string }[];
}

function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new CoreError('forbidden', 'Only an admin can register or change a client profile.');
}

/** Registers a contracting bank from its profile. Refused if the code is taken. */
export function addClient(db: Db, actor: Actor, profile: ClientProfile, now: string): ClientRecord {
  requireAdmin(actor);
  const id = uuidv7(Date.parse(now));
  db.transaction(() => {
    if (db.prepare('SELECT 1 FROM clients WHERE code = ?').get(profile.code)) {
      throw new CoreError('conflict', `A client with code "${profile.code}" already exists; use client update to replace its profile.`, { field: 'code' });
    }
    db.prepare(
      `INSERT INTO clients (id, code, name, profile_json, rule_pack, timezone, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, profile.code, profile.name, JSON.stringify(profile), profile.rulePack, profile.timezone, now, actor.id, now);
    db.prepare('UPDATE clients SET day_shift_minutes = ? WHERE id = ?').run(standardOffsetMinutes(profile.timezone), id);
    appendAudit(db, { actorId: actor.id, via: actor.via, action: 'client.create', entity: 'client', entityId: id, details: { code: profile.code } }, now);
  })();
  return getClient(db, profile.code);
}

/**
 * Replaces a client's profile (the code names the client). `fields` names what an edit changed (the audit row says
 * which settings, never their values); without it the whole profile was replaced from a file.
 */
export function updateClient(db: Db, actor: Actor, profile: ClientProfile, now: string, fields?: string[]): ClientRecord {
  requireAdmin(actor);
  const existing = getClient(db, profile.code);
  db.transaction(() => {
    db.prepare('UPDATE clients SET name = ?, profile_json = ?, rule_pack = ?, timezone = ?, updated_at = ? WHERE id = ?').run(
      profile.name,
      JSON.stringify(profile),
      profile.rulePack,
      profile.timezone,
      now,
      existing.id,
    );
    refreshDayShift(db, existing.id, profile.timezone);
    appendAudit(db, { actorId: actor.id, via: actor.via, action: 'client.update', entity: 'client', entityId: existing.id, details: fields ? { code: profile.code, fields } : { code: profile.code } }, now);
  })();
  return getClient(db, profile.code);
}

/** A client whose time zone moves its calendar days gets its daily KPI counts counted again on the new days. */
function refreshDayShift(db: Db, clientId: string, timezone: string): void {
  const minutes = standardOffsetMinutes(timezone);
  if (db.prepare('UPDATE clients SET day_shift_minutes = ? WHERE id = ? AND day_shift_minutes != ?').run(minutes, clientId, minutes).changes === 0) return;
  db.prepare('DELETE FROM kpi_day WHERE client_id = ?').run(clientId);
  fillKpiDays(db, clientId);
}
