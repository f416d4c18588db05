import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { addClient, parseProfile, updateClient } from '../../core/clients/clients';
import { CoreError } from '../../core/errors';
import { checkSecret, storeSyncSecret } from '../../core/sync/secret';
import { syncOffReason } from '../../core/sync/target';
import type { Command, CommandContext } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, resolveActor } from '../session';
import { openWithKey } from './sync';

function readProfile(file: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CoreError('not_found', `${file}: no such file.`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    throw new CoreError('invalid_input', `${basename(file)} is not valid JSON: ${(err as Error).message}.`, { file: basename(file) });
  }
  return parseProfile(json, basename(file));
}

function clientCommand(verb: 'add' | 'update'): Command {
  return {
    words: ['client', verb],
    usage: `client ${verb} --profile FILE.json [--as USER] [--data DIR] [--json]`,
    summary: verb === 'add' ? 'register a contracting bank from its profile (docs/profiles.md)' : 'replace a registered bank’s profile',
    async run({ args, env, out }: CommandContext) {
      const { values } = parseCommandArgs(args, { profile: { type: 'string' }, as: { type: 'string' } });
      if (!values.profile) throw new UsageError(`client ${verb} needs --profile FILE.json.`);
      const profile = readProfile(values.profile);
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
