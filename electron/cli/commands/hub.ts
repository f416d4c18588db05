import { createStoreByJoining } from '../../core/hub/join-store';
import { requireStation } from '../../core/hub/station-state';
import { syncOnce } from '../../core/hub/sync';
import { connectAsAdmin, enrollStation, listStations, revokeStation } from '../../core/hub/trust';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv, requireEnv, resolveActor } from '../session';

const nowIso = (): string => new Date().toISOString();

export const hubConnectCommand: Command = {
  words: ['hub', 'connect'],
  usage: 'hub connect --hub URL --fingerprint FP --setup-code CODE [--name STATION] [--as USER] [--data DIR] [--json]',
  summary: 'claim a new agency hub with this admin’s store (it makes the agency data key and becomes the first full replica; its rows go up at the first hub sync)',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { hub: { type: 'string' }, fingerprint: { type: 'string' }, 'setup-code': { type: 'string' }, name: { type: 'string' }, as: { type: 'string' } });
    if (!values.hub || !values.fingerprint || !values['setup-code']) throw new UsageError('hub connect needs --hub URL, --fingerprint FP and --setup-code CODE.');
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const r = await connectAsAdmin(db, resolveActor(db, values.as), { hubUrl: values.hub, fingerprint: values.fingerprint, setupCode: values['setup-code'], stationName: values.name }, nowIso());
      out.result({ stationId: r.stationId, agencyId: r.agencyId, replica: 'full' }, `Connected: this store is station ${r.stationId} of agency ${r.agencyId} (full replica). Run "hub sync --once" to upload it.`);
    } finally {
      db.close();
    }
  },
};

export const stationEnrollCommand: Command = {
  words: ['station', 'enroll'],
  usage: 'station enroll --user NAME[,NAME...] [--role-replica full] [--as USER] [--data DIR] [--json]',
  summary: 'on a connected admin station: a one-time enrollment code for a new station of those users',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { user: { type: 'string' }, 'role-replica': { type: 'string' }, as: { type: 'string' } });
    if (!values.user) throw new UsageError('station enroll needs --user NAME[,NAME...].');
    const replica = values['role-replica'] ?? 'partial';
    if (replica !== 'full' && replica !== 'partial') throw new UsageError('--role-replica is full or partial.');
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const names = values.user.split(',').map((s) => s.trim()).filter(Boolean);
      const r = await enrollStation(db, resolveActor(db, values.as), { userNames: names, replica }, nowIso());
      out.result({ code: r.code, expiresAt: r.expiresAt }, `Enrollment code (valid until ${r.expiresAt}):\n${r.code}`);
    } finally {
      db.close();
    }
  },
};

export const stationJoinCommand: Command = {
  words: ['station', 'join'],
  usage: 'station join --hub URL --fingerprint FP --code CODE [--name STATION] [--data DIR] [--json]',
  summary: 'on a new computer: create DIR’s database ($COLLECTDESK_PASSPHRASE), join the agency hub with the code and pull what its users may hold',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { hub: { type: 'string' }, fingerprint: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' } });
    if (!values.hub || !values.fingerprint || !values.code) throw new UsageError('station join needs --hub URL, --fingerprint FP and --code CODE.');
    const passphrase = requireEnv(env, 'COLLECTDESK_PASSPHRASE', 'the passphrase of the new database');
    const r = await createStoreByJoining(dataDirFrom(values.data, env), passphrase, { hubUrl: values.hub, fingerprint: values.fingerprint, code: values.code, stationName: values.name }, nowIso, { requireFirstPull: true });
    const pulled = r.first?.pulled ?? 0;
    out.result({ stationId: r.stationId, agencyId: r.agencyId, replica: r.replica, users: r.users, pulled }, `Joined agency ${r.agencyId} as station ${r.stationId} (${r.replica} replica); pulled ${pulled} changes.`);
  },
};

export const hubSyncCommand: Command = {
  words: ['hub', 'sync'],
  usage: 'hub sync --once [--data DIR] [--json]',
  summary: 'one round with the agency hub: push this station’s changes, pull the others’',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { once: { type: 'boolean' } });
    if (!values.once) throw new UsageError('hub sync needs --once (continuous sync runs in the desktop app).');
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      requireStation(db);
      const r = await syncOnce(db);
      const { revoked, ...rest } = r;
      if (revoked) return out.failure({ code: 'hub_failed', message: `This station was revoked: its data was wiped (${r.wiped} cases).`, details: { hubCode: 'revoked' } }, rest);
      out.result({ ...rest }, `Pushed ${r.pushed}, pulled ${r.pulled}; ${r.pending} change(s) waiting, ${r.wiped} case(s) wiped, ${r.handoversPending} handover(s) pending.`);
    } finally {
      db.close();
    }
  },
};

export const stationListCommand: Command = {
  words: ['station', 'list'],
  usage: 'station list [--as USER] [--data DIR] [--json]',
  summary: 'the agency’s stations: users, last seen, pending changes',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { as: { type: 'string' } });
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const stations = await listStations(db, resolveActor(db, values.as));
      out.result({ stations }, stations.map((s) => `${s.id}  ${s.name}  ${s.replica}  users ${s.users.length}  last seen ${s.lastSeenAt ?? '-'}${s.revokedAt ? '  REVOKED' : ''}`).join('\n'));
    } finally {
      db.close();
    }
  },
};

export const stationRevokeCommand: Command = {
  words: ['station', 'revoke'],
  usage: 'station revoke --station ID [--as USER] [--data DIR] [--json]',
  summary: 'revoke a station: it wipes its data at its next contact with the hub',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { station: { type: 'string' }, as: { type: 'string' } });
    if (!values.station) throw new UsageError('station revoke needs --station ID.');
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const s = await revokeStation(db, resolveActor(db, values.as), values.station, nowIso());
      out.result({ station: s }, `Revoked station ${s.id} (${s.name}).`);
    } finally {
      db.close();
    }
  },
};

export const hubCommands: Command[] = [hubConnectCommand, hubSyncCommand, stationEnrollCommand, stationJoinCommand, stationListCommand, stationRevokeCommand];
