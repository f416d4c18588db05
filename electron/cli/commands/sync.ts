import type { SyncRoundResult } from '../../../shared/contract/sync';
import { openDatabase, type Db } from '../../core/db/open';
import { CoreError } from '../../core/errors';
import { runClientRound } from '../../core/sync/round';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, requireEnv, resolveActor } from '../session';

/** Opens the database from $COLLECTDESK_PASSPHRASE, keeping the derived key (the stored sync secrets need it). */
export async function openWithKey(dataDir: string, env: NodeJS.ProcessEnv): Promise<{ db: Db; key: Buffer }> {
  const passphrase = requireEnv(env, 'COLLECTDESK_PASSPHRASE', 'the database passphrase');
  return openDatabase({ dataDir, secret: { passphrase } });
}

function describe(r: SyncRoundResult): string {
  const pulled = `${r.pulled.placements} placements, ${r.pulled.payments} payments, ${r.pulled.recalls} recalls`;
  const applied = `${r.applied.inserted} new, ${r.applied.updated} updated, ${r.applied.unchanged} unchanged, ${r.applied.rejected} rejected`;
  const lines = [
    `${r.ok ? 'Synced' : 'Sync failed for'} ${r.client}: pushed ${r.pushed}, acknowledged ${r.acknowledged}${r.refused ? `, refused ${r.refused}` : ''}; pulled ${pulled} (${applied}). ${r.pending} outcome(s) still waiting.`,
    ...r.rejections.map((x) => `  ${x.kind} #${x.row}${x.caseNo ? ` (${x.caseNo})` : ''}: ${x.field} — ${x.code}: ${x.message}`),
    ...r.errors.map((e) => `  ${e.stage}: ${e.message}`),
  ];
  return lines.join('\n');
}

export const syncCommand: Command = {
  words: ['sync'],
  usage: 'sync --client CODE --once [--as USER] [--data DIR] [--json]',
  summary: 'one sync round with the bank endpoint of the client’s profile: push the outbox, pull placements, payments and recalls',
  async run({ args, env, out }) {
    const { values, positionals } = parseCommandArgs(args, { client: { type: 'string' }, once: { type: 'boolean' }, as: { type: 'string' } });
    if (!values.client) throw new UsageError('sync needs --client CODE.');
    if (!values.once) throw new UsageError('sync runs one round at a time: add --once (the desktop app syncs in the background).');
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    const { db, key } = await openWithKey(dataDirFrom(values.data, env), env);
    try {
      const actor = resolveActor(db, values.as);
      if (actor.role === 'collector') throw new CoreError('forbidden', 'Only a team lead or an admin can sync with the bank.');
      const result = await runClientRound(db, key, values.client, { now: () => new Date(), actor: { ...actor, via: 'sync' } });
      const { ok: _ok, ...rest } = result;
      if (result.ok) out.result(rest, describe(result));
      else {
        if (!out.json) out.info(describe(result));
        out.failure({ code: 'sync_failed', message: result.errors.map((e) => e.message).join(' ') }, rest);
      }
    } finally {
      db.close();
    }
  },
};
