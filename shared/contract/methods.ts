import { z } from 'zod';
import {
  AppStatus,
  AuditVerify,
  CaseListQuery,
  CaseListResult,
  DisplayName,
  StaffNo,
  Empty,
  Id,
  Passphrase,
  Preferences,
  Password,
  Role,
  SessionUser,
  UserName,
  UserRow,
} from './schemas';

import { method } from './method';
import { intakeMethods } from './intake';
import { workbenchMethods } from './workbench';
import { leadMethods } from './leads';
import { adminMethods } from './admin';
import { returnsMethods } from './returns';
import { syncMethods } from './sync';
import { reviewMethods } from './review';
import { hubMethods } from './hub';
import { stationMethods } from './stations';
import { banksMethods } from './banks';
import { backupsMethods } from './backups';

export type { Access, MethodSpec } from './method';

const Ok = z.object({ done: z.literal(true) });

/** The one API contract. Preload, main, the web host and the renderer client are all derived from it. */
export const contract = {
  'app.status': method(Empty, AppStatus, 'public'),
  'app.setup': method(
    z
      .object({ passphrase: Passphrase, adminName: UserName, adminDisplayName: DisplayName, adminPassword: Password })
      .strict(),
    SessionUser,
    'public',
  ),
  /** first run with demo data: the database, the admin, and a demo data set (users lead, c1–c3 with the admin's password) */
  'app.setupDemo': method(
    z
      .object({ passphrase: Passphrase, adminName: UserName, adminDisplayName: DisplayName, adminPassword: Password, cases: z.number().int().min(100).max(50_000).default(2000) })
      .strict(),
    SessionUser,
    'public',
  ),
  /**
   * First run, instead of setup: restores a backup file staged by the file picker (POST /upload or the desktop's open
   * dialog) into the data folder, which must have no database. Answers the status: open, nobody signed in.
   */
  'app.restore': method(z.object({ fileRef: z.string().min(1).max(64), passphrase: z.string().min(1).max(1024) }).strict(), AppStatus, 'public'),
  'app.unlock': method(z.object({ passphrase: z.string().min(1).max(1024) }).strict(), AppStatus, 'public'),
  /**
   * Closes the database. `idle: true` (the idle lock): where the key is cached in the OS keychain (the desktop) the
   * database is opened again with it at once, so only the user signs in again; elsewhere the passphrase is needed.
   */
  'app.lock': method(z.object({ idle: z.boolean().optional() }).strict(), AppStatus, 'public'),

  'prefs.get': method(Empty, Preferences, 'public'),
  'prefs.set': method(z.object({ language: Preferences.shape.language.optional(), theme: Preferences.shape.theme.optional(), idleLockMinutes: z.number().int().min(0).max(240).optional() }).strict(), Preferences, 'public'),

  'auth.signIn': method(
    z.object({ name: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
    SessionUser,
    'open',
  ),
  'auth.signOut': method(Empty, Ok, 'public'),
  'auth.changePassword': method(
    z.object({ currentPassword: z.string().min(1).max(256), newPassword: Password }).strict(),
    Ok,
    'user',
  ),

  'users.list': method(Empty, z.array(UserRow), 'lead'),
  'users.add': method(
    z.object({ name: UserName, displayName: DisplayName, role: Role, password: Password }).strict(),
    UserRow,
    'admin',
  ),
  'users.resetPassword': method(z.object({ userId: Id, newPassword: Password }).strict(), Ok, 'admin'),
  'users.update': method(z.object({ userId: Id, displayName: DisplayName.optional(), role: Role.optional(), staffNo: StaffNo.optional() }).strict(), UserRow, 'admin'),
  'users.setDisabled': method(z.object({ userId: Id, disabled: z.boolean() }).strict(), UserRow, 'admin'),

  'cases.list': method(CaseListQuery, CaseListResult, 'user'),

  'audit.verify': method(Empty, AuditVerify, 'admin'),

  ...intakeMethods,
  ...workbenchMethods,
  ...leadMethods,
  ...adminMethods,
  ...returnsMethods,
  ...syncMethods,
  ...reviewMethods,
  ...hubMethods,
  ...stationMethods,
  ...banksMethods,
  ...backupsMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The IPC channel of one method: one channel per method, never a generic invoke. */
export function ipcChannel(name: MethodName): string {
  return `collectdesk:${name}`;
}
