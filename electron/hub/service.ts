import { createHash, timingSafeEqual } from 'node:crypto';
import { uuidv7 } from '../../shared/domain/ids';
import {
  AckRequest,
  ClaimRequest,
  EnrollmentCodeRequest,
  HUB_PROTOCOL,
  JoinRequest,
  MAX_ENROLLMENT_TTL_MS,
  PullRequest,
  PushRequest,
  RevokeRequest,
  type StationView,
  type StatusResponse,
  type StationsResponse,
  type PushResponse,
} from '../../shared/replication/api';
import { parseHlc } from '../../shared/replication/hlc';
import type { WrappedKey } from '../../shared/replication/key-wrap';
import { parseSetupCode } from '../../shared/replication/setup-code';
import type { Caller } from './auth';
import type { HubConfig } from './config';
import { HubError } from './hub-error';
import { parseInput } from './parse-input';
import type { HubStore, LogChange, PullPage, StationRecord } from './store/types';

/**
 * What each endpoint does, whatever the transport and the store: the checks that keep the log trustworthy (who may
 * write what, clocks, versions, once-only codes), never a business rule of the agency.
 */
export class HubService {
  constructor(
    readonly store: HubStore,
    readonly config: HubConfig,
  ) {}

  private nowIso(): string {
    return new Date(this.config.now()).toISOString();
  }

  async status(): Promise<StatusResponse> {
    const agency = await this.store.agency();
    return { ok: true, protocol: HUB_PROTOCOL, claimed: agency !== null, agencyId: agency?.agencyId ?? null, minSchemaVersion: this.config.minSchemaVersion, hubTime: this.nowIso() };
  }

  async claim(input: ReturnType<typeof ClaimRequest.parse>): Promise<{ ok: true; agencyId: string; station: StationView; minSchemaVersion: number; hubTime: string }> {
    const parsed = parseSetupCode(input.setupCode);
    if (!parsed.ok) throw new HubError('setup_code_invalid', parsed.message, { reason: parsed.reason });
    const agencyId = uuidv7(this.config.now());
    const outcome = await this.store.claim({ setupCode: parsed.code, agencyId, station: { ...input.station, replica: 'full', users: input.users }, now: this.nowIso() });
    if (outcome === 'claimed') throw new HubError('already_claimed', 'This hub already belongs to an agency: its setup code no longer works. Join it with an enrollment code from its administrator.');
    if (outcome === 'bad_code') throw new HubError('setup_code_invalid', 'The setup code is not this hub\'s: use the code the hub printed when it started.');
    if (outcome === 'station_exists') throw new HubError('conflict', 'A station with this id is already enrolled.');
    return { ok: true, agencyId, station: view(await this.mustStation(input.station.id)), minSchemaVersion: this.config.minSchemaVersion, hubTime: this.nowIso() };
  }

  private async mustStation(id: string): Promise<StationRecord> {
    const s = await this.store.station(id);
    if (!s) throw new HubError('internal', 'The station just enrolled cannot be read back.');
    return s;
  }

  private requireAdmin(caller: Caller, what: string): void {
    if (!caller.station.admin) throw new HubError('forbidden', `Only an administrator's station may ${what}.`);
  }

  async issueEnrollmentCode(caller: Caller, body: unknown): Promise<{ ok: true; code: { id: string; expiresAt: string } }> {
    this.requireAdmin(caller, 'issue enrollment codes');
    const input = parseInput(EnrollmentCodeRequest, body, 'enrollment code');
    const now = this.config.now();
    const expires = Date.parse(input.expiresAt);
    if (expires <= now) throw new HubError('invalid_input', 'The enrollment code would expire before it is issued.', { field: 'expiresAt' });
    if (expires - now > MAX_ENROLLMENT_TTL_MS) throw new HubError('invalid_input', `An enrollment code lives at most ${MAX_ENROLLMENT_TTL_MS / 86_400_000} days.`, { field: 'expiresAt' });
    const expiresAt = new Date(expires).toISOString();
    const r = await this.store.addEnrollmentCode({ ...input, wrappedKeys: input.wrappedKeys, expiresAt, issuedBy: caller.station.id, issuedAt: this.nowIso(), usedAt: null, usedBy: null });
    if (r === 'duplicate') throw new HubError('conflict', 'An enrollment code with this id exists already: make a new code.');
    return { ok: true, code: { id: input.id, expiresAt } };
  }

  async join(input: ReturnType<typeof JoinRequest.parse>): Promise<{ ok: true; agencyId: string; station: StationView; wrappedKeys: WrappedKey[]; minSchemaVersion: number; hubTime: string }> {
    const agency = await this.store.agency();
    if (!agency) throw new HubError('not_claimed', 'No agency has claimed this hub yet: an administrator connects first.');
    const invalid = (reason: string, message: string): HubError => new HubError('enrollment_code_invalid', message, { reason });
    const code = await this.store.enrollmentCode(input.codeId);
    if (!code) throw invalid('unknown', 'This hub issued no such enrollment code: check the code, or ask for a new one.');
    const proofHash = createHash('sha256').update(input.proof, 'utf8').digest();
    if (!timingSafeEqual(proofHash, Buffer.from(code.verifier, 'hex'))) throw invalid('wrong_proof', 'The enrollment code does not match: check its secret part as typed.');
    const r = await this.store.redeemEnrollmentCode({ codeId: input.codeId, station: input.station, now: this.nowIso() });
    if (r.kind !== 'ok') {
      if (r.kind === 'used') throw invalid('used', 'This enrollment code was already used: each code enrolls one station. Ask for a new one.');
      if (r.kind === 'expired') throw invalid('expired', 'This enrollment code has expired: ask for a new one.');
      if (r.kind === 'unknown') throw invalid('unknown', 'This hub issued no such enrollment code.');
      throw new HubError('conflict', 'A station with this id is already enrolled.');
    }
    return { ok: true, agencyId: agency.agencyId, station: view(await this.mustStation(input.station.id)), wrappedKeys: r.code.wrappedKeys ?? [], minSchemaVersion: this.config.minSchemaVersion, hubTime: this.nowIso() };
  }

  async push(caller: Caller, body: unknown): Promise<PushResponse> {
    const input = parseInput(PushRequest, body, 'push');
    const s = caller.station;
    const users = new Set(s.users.map((u) => u.id));
    const now = this.config.now();
    const changes: LogChange[] = input.changes.map((c, i) => {
      if (c.station !== s.id) throw new HubError('forbidden', `Change ${i} (${c.changeId}) names another station as its author: a station pushes only its own changes.`, { index: i, changeId: c.changeId });
      if (!users.has(c.user)) throw new HubError('forbidden', `Change ${i} (${c.changeId}) is by a user this station was not enrolled for.`, { index: i, changeId: c.changeId });
      const hlc = parseHlc(c.hlc);
      const ahead = (hlc?.ms ?? 0) - now;
      if (ahead > this.config.maxAheadMs) {
        throw new HubError('clock_ahead', `Change ${i} is dated ${Math.round(ahead / 60_000)} min ahead of the hub's clock: this computer's clock is wrong. Set it right; the change is kept and sent again.`, {
          index: i,
          changeId: c.changeId,
          hubTime: new Date(now).toISOString(),
          aheadMs: ahead,
        });
      }
      return { changeId: c.changeId, routeKey: c.routeKey, hlc: c.hlc, body: JSON.stringify(c) };
    });
    if (input.routes.length > 0 && s.replica !== 'full') throw new HubError('forbidden', 'Only a full-replica (lead or admin) station assigns cases to users.');
    const r = await this.store.append(s.id, changes, input.routes, new Date(now).toISOString());
    if (r.kind === 'conflict') throw new HubError('conflict', `Change ${r.changeId} was sent before with other content: a change id is used once.`, { changeId: r.changeId });
    if (r.kind === 'regressed') {
      throw new HubError('reenroll_required', 'This station sent a change older than changes it sent before: its data was restored from a backup or copied from another computer. Enroll it again.', {
        changeId: r.changeId,
        stationMaxHlc: r.stationMaxHlc,
      });
    }
    return { ok: true, acks: r.acks, stored: r.stored, routes: r.routes, head: r.head, hubTime: new Date(now).toISOString() };
  }

  async pull(caller: Caller, body: unknown): Promise<PullPage> {
    const input = parseInput(PullRequest, body, 'pull');
    const s = caller.station;
    const users = s.users.map((u) => u.id);
    const full = s.replica === 'full';
    if (input.routeKey !== undefined && !full && !(await this.store.holdsRoute(input.routeKey, users))) {
      throw new HubError('forbidden', 'This case is not assigned to this station\'s users.', { routeKey: input.routeKey });
    }
    const page = await this.store.pull({ after: input.after, limit: input.limit, full, users, routeKey: input.routeKey, before: input.before });
    if (input.after > page.head) {
      throw new HubError('invalid_input', `The cursor ${input.after} is past the end of the hub's log (${page.head}): the hub's store was restored from an older backup or replaced. Ask the administrator.`, {
        field: 'after',
        head: page.head,
      });
    }
    return page;
  }

  async ack(caller: Caller, body: unknown): Promise<{ ok: true; cursor: number; head: number }> {
    const input = parseInput(AckRequest, body, 'ack');
    const r = await this.store.ack(caller.station.id, input.cursor);
    if (r.kind === 'ahead') throw new HubError('invalid_input', `The cursor ${input.cursor} is past the end of the log (${r.head}).`, { field: 'cursor', head: r.head });
    if (r.kind === 'behind') {
      throw new HubError('reenroll_required', `This station acknowledged position ${r.cursor} before and now ${input.cursor}: its data went back in time (restored from a backup, or copied). Enroll it again.`, { cursor: r.cursor });
    }
    return { ok: true, cursor: r.cursor, head: r.head };
  }

  async stations(caller: Caller): Promise<StationsResponse> {
    // A lead's full replica reads the list too (each collector's last contact); enrolling and revoking stay an admin's.
    if (!caller.station.admin && caller.station.replica !== 'full') throw new HubError('forbidden', 'Only an administrator’s or a lead’s (full-replica) station may list the stations.');
    const stations = await this.store.stations();
    return { ok: true, stations: stations.map((s) => ({ ...view(s), pending: s.pending })), head: await this.store.head() };
  }

  async revoke(caller: Caller, body: unknown): Promise<{ ok: true; station: StationView }> {
    this.requireAdmin(caller, 'revoke stations');
    const input = parseInput(RevokeRequest, body, 'revoke');
    if (input.stationId === caller.station.id) throw new HubError('invalid_input', 'A station cannot revoke itself: revoke it from another administrator\'s station.', { field: 'stationId' });
    const s = await this.store.revokeStation(input.stationId, this.nowIso());
    if (!s) throw new HubError('not_found', 'This hub has no station with this id.', { stationId: input.stationId });
    return { ok: true, station: view(s) };
  }
}

export function view(s: StationRecord): StationView {
  return { id: s.id, name: s.name, users: s.users, replica: s.replica, admin: s.admin, enrolledAt: s.enrolledAt, lastSeenAt: s.lastSeenAt, cursor: s.cursor, revokedAt: s.revokedAt };
}
