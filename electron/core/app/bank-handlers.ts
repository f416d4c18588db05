import type { BankRow, ProfileTrial } from '../../../shared/contract/banks';
import type { ImportKind } from '../../../shared/profile/schema';
import { isoNow } from '../clock';
import { addClient, getClient, listClients, parseProfile, updateClient, type ClientRecord } from '../clients/clients';
import { readProfileFile } from '../clients/profile-file';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { previewImport } from '../import/preview';
import { discardStaged, resolveStaged } from '../import/staging';
import { defaultRetentionDays } from '../retention/purge';
import { checkSecret, hasSyncSecret, storeSyncSecret } from '../sync/secret';
import { syncOffReason } from '../sync/target';
import type { Handlers } from './handlers';
import { requireActor, requireDb } from './context';

const KINDS: ImportKind[] = ['placement', 'payments', 'recalls'];
/** The records a trial reads at most: enough to find a profile's mistakes, quick on any file. */
export const TRIAL_ROWS = 2000;
/** The rows a trial shows as mapped. */
const TRIAL_SHOWN = 20;

/** A registered bank as the Banks panel shows it: its settings, whether a sync secret is set (never the secret). */
export function bankRow(db: Db, client: ClientRecord): BankRow {
  const p = client.profile;
  const meta = db.prepare('SELECT updated_at AS updatedAt, (SELECT count(*) FROM cases WHERE client_id = clients.id) AS cases FROM clients WHERE id = ?').get(client.id) as { updatedAt: string; cases: number };
  return {
    code: client.code,
    name: client.name,
    rulePack: p.rulePack,
    timezone: p.timezone,
    kinds: KINDS.filter((k) => p[k] !== undefined),
    commission: p.commission ? { rates: p.commission.rates, defaultRate: p.commission.defaultRate } : null,
    waiverLimitFen: p.waiverLimitFen ?? null,
    retentionDays: p.retention?.purgeAfterDays ?? null,
    retentionDefaultDays: defaultRetentionDays(p.rulePack),
    sync: p.sync ? { url: p.sync.url, keyId: p.sync.keyId, intervalMinutes: p.sync.intervalMinutes } : null,
    secretSet: hasSyncSecret(db, client.id),
    syncOn: syncOffReason(db, client) === null,
    cases: meta.cases,
    updatedAt: meta.updatedAt,
  };
}

type BankHandlers = Pick<Handlers, 'banks.list' | 'banks.register' | 'banks.update' | 'banks.tryProfile'>;

export const bankHandlers: BankHandlers = {
  'banks.list': (_i, ctx) => {
    const db = requireDb(ctx);
    return listClients(db).map((c) => bankRow(db, getClient(db, c.code)));
  },

  // The same core functions as `client add` / `client update`: the file read and checked alike, audited alike.
  'banks.register': (i, ctx, app) => {
    const db = requireDb(ctx);
    const actor = requireActor(ctx);
    try {
      const profile = readProfileFile(resolveStaged(app.dataDir, i.fileRef));
      if (i.code !== undefined && profile.code !== i.code) {
        const message = `code is "${profile.code}": this file is the profile of another bank, not of ${i.code}`;
        throw new CoreError('invalid_input', `The profile's ${message}.`, { field: 'code', problems: [{ path: 'code', kind: 'not_allowed', allowed: [i.code], message }] });
      }
      const now = isoNow(ctx.clock);
      const client = i.mode === 'add' ? addClient(db, actor, profile, now) : updateClient(db, actor, profile, now);
      return bankRow(db, client);
    } finally {
      discardStaged(app.dataDir, i.fileRef);
    }
  },

  'banks.update': (i, ctx, app) => {
    const db = requireDb(ctx);
    const actor = requireActor(ctx);
    const existing = getClient(db, i.code);
    if (i.syncSecret !== undefined) checkSecret(i.syncSecret);
    const next: Record<string, unknown> = { ...existing.profile };
    const fields: string[] = [];
    const set = (key: string, value: unknown) => {
      if (value === null) delete next[key];
      else next[key] = value;
      fields.push(key);
    };
    if (i.commission !== undefined) set('commission', i.commission);
    if (i.waiverLimitFen !== undefined) set('waiverLimitFen', i.waiverLimitFen);
    if (i.retentionDays !== undefined) set('retention', i.retentionDays === null ? null : { purgeAfterDays: i.retentionDays });
    if (i.sync !== undefined) set('sync', i.sync === null ? null : { ...existing.profile.sync, ...i.sync });
    const now = isoNow(ctx.clock);
    // The edited profile is checked as a file would be: a refused value names its key (sync.url, commission.rates.0.rate).
    const profile = parseProfile(next, existing.code);
    db.transaction(() => {
      if (fields.length > 0) updateClient(db, actor, profile, now, fields);
      if (i.syncSecret !== undefined) storeSyncSecret(db, app.databaseKey(), existing, i.syncSecret, actor, now);
    })();
    return bankRow(db, getClient(db, existing.code));
  },

  'banks.tryProfile': async (i, ctx, app): Promise<ProfileTrial> => {
    const db = requireDb(ctx);
    requireActor(ctx);
    const profile = readProfileFile(resolveStaged(app.dataDir, i.profileRef));
    const registered = listClients(db).find((c) => c.code === profile.code);
    // A candidate, not registered: nothing of the store is read or written but the client's id, if it has one.
    const candidate: ClientRecord = { id: registered?.id ?? 'candidate', code: profile.code, name: profile.name, profile };
    const preview = await previewImport(candidate, i.kind, resolveStaged(app.dataDir, i.sampleRef), { limit: TRIAL_ROWS, now: isoNow(ctx.clock) });
    const rejects = preview.rows.flatMap((r) => (r.problem ? [{ row: r.row, caseNo: r.caseNo, field: r.problem.field, code: r.problem.code, message: r.problem.message }] : []));
    return { preview: { ...preview, rows: preview.rows.slice(0, TRIAL_SHOWN) }, rejects, scanned: preview.rows.length, truncated: preview.rows.length >= TRIAL_ROWS };
  },
};
