import { CoreApp } from '../../core/app/core-app';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, requireEnv } from '../session';

export const initCommand: Command = {
  words: ['init'],
  usage: 'init --admin NAME [--display-name TEXT] [--data DIR] [--json]',
  summary: 'create a new encrypted database with its first admin (passphrase from $COLLECTDESK_PASSPHRASE, password from $COLLECTDESK_PASSWORD)',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { admin: { type: 'string' }, 'display-name': { type: 'string' } });
    if (!values.admin) throw new UsageError('init needs --admin NAME.');
    const dataDir = dataDirFrom(values.data, env);
    const passphrase = requireEnv(env, 'COLLECTDESK_PASSPHRASE', 'the passphrase of the new database');
    const password = requireEnv(env, 'COLLECTDESK_PASSWORD', 'the password of the first admin');
    const app = new CoreApp({ dataDir, via: 'cli' });
    try {
      const result = await app.dispatch('app.setup', {
        passphrase,
        adminName: values.admin,
        adminDisplayName: values['display-name'] ?? values.admin,
        adminPassword: password,
      });
      if (!result.ok) return out.failure(result.error);
      const admin = result.value as { id: string; name: string; role: string };
      out.result({ dataDir, admin: { id: admin.id, name: admin.name, role: admin.role } }, `Created the database in ${dataDir} with admin "${admin.name}".`);
    } finally {
      app.close();
    }
  },
};
