import { addClient, updateClient } from '../../core/clients/clients';
import { readProfileFile } from '../../core/clients/profile-file';
import { checkSecret, storeSyncSecret } from '../../core/sync/secret';
import { syncOffReason } from '../../core/sync/target';
import type { Command, CommandContext } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, resolveActor } from '../session';
import { openWithKey } from './sync';

function clientCommand(verb: 'add' | 'update'): Command {
  return {
    words: ['client', verb],
    usage: `client ${verb} --profile FILE.json [--as USER] [--data DIR] [--json]`,
    summary: verb === 'add' ? 'register a contracting bank from its profile (docs/profiles.md)' : 'replace a registered bank’s profile',
    async run({ args, env, out }: CommandContext) {
      const { values } = parseCommandArgs(args, { profile: { type: 'string' }, as: { type: 'string' } });
      if (!values.profile) throw new UsageError(`client ${verb} needs --profile FILE.json.`);
      const profile = readProfileFile(values.profile);
      // The sync secret is never in the profile: it comes from the environment and is stored encrypted.
      // Without one, `add` leaves sync off and `update` keeps the secret already stored.
      const secret = env.COLLECTDESK_SYNC_SECRET || null;
      if (secret !== null) checkSecret(secret);
      const { db, key } = await openWithKey(dataDirFrom(values.data, env), env);
      try {
        const actor = resolveActor(db, values.as);
        const now = new Date().toISOString();
        const client = verb === 'add' ? addClient(db, actor, profile, now) : updateClient(db, actor, profile, now);
        if (secret !== null) storeSyncSecret(db, key, client, secret, actor, now);
        const off = syncOffReason(db, client);
        out.result(
          { client: { id: client.id, code: client.code, name: client.name, rulePack: client.profile.rulePack, timezone: client.profile.timezone }, sync: { enabled: off === null, off } },
          `${verb === 'add' ? 'Registered' : 'Updated'} client ${client.code} (${client.name}). ${off ?? `Sync is on with ${client.profile.sync?.url ?? ''}.`}`,
        );
      } finally {
        db.close();
      }
    },
  };
}

export const clientAddCommand = clientCommand('add');
export const clientUpdateCommand = clientCommand('update');
