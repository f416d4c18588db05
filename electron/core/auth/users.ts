import type { Role } from '../../../shared/domain/roles';
import type { UserRow } from '../../../shared/contract/schemas';
import { uuidv7 } from '../../../shared/domain/ids';
import { appendAudit } from '../audit/audit';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { recordChange } from '../hub/write-path';
import type { Actor } from './actor';
import { hashPassword } from './passwords';

export interface UserRecord {
  id: string;
  name: string;
  display_name: string;
  role: Role;
  password_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
  /** 工号: the number the call scripts announce (migration 14) */
  staff_no: string | null;
  /** read with USER_ROW only */
  open_cases?: number;
}

/** A user with the count of the cases assigned to them still being worked. */
const USER_ROW = `SELECT u.*, (SELECT count(*) FROM cases c WHERE c.assigned_to = u.id AND c.status NOT IN ('paid', 'recalled', 'closed')) AS open_cases FROM users u`;

export function toUserRow(u: UserRecord): UserRow {
  return {
    id: u.id,
    name: u.name,
    displayName: u.display_name,
    role: u.role,
    disabled: u.disabled_at !== null,
    lockedUntil: u.locked_until,
    createdAt: u.created_at,
    openCases: u.open_cases ?? 0,
    staffNo: u.staff_no ?? null,
  };
}

export function findUserByName(db: Db, name: string): UserRecord | undefined {
  return db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRecord | undefined;
}

export function getUser(db: Db, id: string): UserRecord {
  const u = db.prepare(`${USER_ROW} WHERE u.id = ?`).get(id) as UserRecord | undefined;
  if (!u) throw new CoreError('not_found', 'No such user.', { userId: id });
  return u;
}

export function listUsers(db: Db): UserRow[] {
  return (db.prepare(`${USER_ROW} ORDER BY u.role, u.name`).all() as UserRecord[]).map(toUserRow);
}

export interface NewUser {
  name: string;
  displayName: string;
  role: Role;
  password: string;
}

/** Creates a user. `actor` null only for the very first admin of a new database. */
export async function createUser(db: Db, actor: Actor | null, u: NewUser, now: string): Promise<UserRow> {
  if (actor && actor.role !== 'admin') throw new CoreError('forbidden', 'Only an admin can add users.');
  const hash = await hashPassword(u.password);
  const id = uuidv7(Date.parse(now));
  db.transaction(() => {
    if (findUserByName(db, u.name)) {
      throw new CoreError('conflict', `A user named "${u.name}" already exists.`, { field: 'name' });
    }
    db.prepare(
      `INSERT INTO users (id, name, display_name, role, password_hash, password_changed_at, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, u.name, u.displayName, u.role, hash, now, now, actor?.id ?? null);
    appendAudit(db, { actorId: actor?.id ?? id, via: actor?.via ?? 'system', action: 'user.create', entity: 'user', entityId: id, details: { role: u.role } }, now);
    // on a station of an agency hub, the account reaches the other stations (its users sign in there offline)
    recordChange(db, { entity: 'user', id, userId: actor?.id ?? id, now });
  })();
  return toUserRow(getUser(db, id));
}

export async function setPassword(db: Db, actor: Actor, userId: string, password: string, now: string): Promise<void> {
  if (actor.id !== userId && actor.role !== 'admin') throw new CoreError('forbidden', 'Only an admin can reset another user’s password.');
  getUser(db, userId);
  const hash = await hashPassword(password);
  db.transaction(() => {
    db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(
      hash,
      now,
      userId,
    );
    const action = actor.id === userId ? 'user.password_change' : 'user.password_reset';
    appendAudit(db, { actorId: actor.id, via: actor.via, action, entity: 'user', entityId: userId }, now);
    recordChange(db, { entity: 'user', id: userId, fields: ['password_hash', 'password_changed_at'], userId: actor.id, now });
  })();
}

/** Disables (or re-enables) a user who leaves. Their history stays: rows are never deleted. */
export function setDisabled(db: Db, actor: Actor, userId: string, disabled: boolean, now: string): UserRow {
  if (actor.role !== 'admin') throw new CoreError('forbidden', 'Only an admin can disable users.');
  if (disabled && actor.id === userId) throw new CoreError('conflict', 'You cannot disable your own account.');
  db.transaction(() => {
    const u = getUser(db, userId);
    if (disabled && u.role === 'admin' && !u.disabled_at) {
      const admins = db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL").get() as { n: number };
      if (admins.n <= 1) throw new CoreError('conflict', 'The last active admin cannot be disabled.');
    }
    db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(disabled ? now : null, userId);
    appendAudit(db, { actorId: actor.id, via: actor.via, action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: userId }, now);
    recordChange(db, { entity: 'user', id: userId, fields: ['disabled_at'], userId: actor.id, now });
  })();
  return toUserRow(getUser(db, userId));
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  /** '' clears it */
  staffNo?: string;
}

/**
 * An admin changes a user's display name, role or staff number (工号). A staff number is one user's only; the last
 * active admin keeps the role. Audited with what changed, from and to.
 */
export function updateUser(db: Db, actor: Actor, userId: string, c: UserChanges, now: string): UserRow {
  if (actor.role !== 'admin') throw new CoreError('forbidden', 'Only an admin can change users.');
  db.transaction(() => {
    const u = getUser(db, userId);
    const next = { display_name: c.displayName ?? u.display_name, role: c.role ?? u.role, staff_no: c.staffNo === undefined ? u.staff_no : c.staffNo.trim() || null };
    if (u.role === 'admin' && next.role !== 'admin' && !u.disabled_at) {
      const admins = db.prepare("SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL").pluck().get() as number;
      if (admins <= 1) throw new CoreError('conflict', 'The last active admin keeps the admin role.', { field: 'role' });
    }
    if (next.staff_no !== null && next.staff_no !== u.staff_no) {
      const holder = db.prepare('SELECT name FROM users WHERE staff_no = ? AND id != ?').pluck().get(next.staff_no, userId) as string | undefined;
      if (holder) throw new CoreError('conflict', `The staff number ${next.staff_no} is already ${holder}'s.`, { field: 'staffNo' });
    }
    const changed: Record<string, { from: string | null; to: string | null }> = {};
    for (const k of ['display_name', 'role', 'staff_no'] as const) if (next[k] !== u[k]) changed[k] = { from: u[k], to: next[k] };
    if (Object.keys(changed).length === 0) return;
    db.prepare('UPDATE users SET display_name = @display_name, role = @role, staff_no = @staff_no WHERE id = @id').run({ ...next, id: userId });
    appendAudit(db, { actorId: actor.id, via: actor.via, action: 'user.update', entity: 'user', entityId: userId, details: changed }, now);
    recordChange(db, { entity: 'user', id: userId, fields: ['display_name', 'role'], userId: actor.id, now });
  })();
  return toUserRow(getUser(db, userId));
}
