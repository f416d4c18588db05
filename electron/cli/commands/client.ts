import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { addClient, parseProfile, updateClient } from '../../core/clients/clients';
import { CoreError } from '../../core/errors';
import type { Command, CommandContext } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv, resolveActor } from '../session';

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
      const db = await openFromEnv(dataDirFrom(values.data, env), env);
      try {
        const actor = resolveActor(db, values.as);
        const now = new Date().toISOString();
        const client = verb === 'add' ? addClient(db, actor, profile, now) : updateClient(db, actor, profile, now);
        const sync = Boolean(env.COLLECTDESK_SYNC_SECRET);
        out.result({ client: { id: client.id, code: client.code, name: client.name, rulePack: client.profile.rulePack, timezone: client.profile.timezone } }, `${verb === 'add' ? 'Registered' : 'Updated'} client ${client.code} (${client.name}).${sync ? '' : ' Sync is off (no sync secret given).'}`);
      } finally {
        db.close();
      }
    },
  };
}

export const clientAddCommand = clientCommand('add');
export const clientUpdateCommand = clientCommand('update');
