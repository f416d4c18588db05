import { Password, Role, UserName } from '../../../shared/contract/schemas';
import { createUser } from '../../core/auth/users';
import { CoreError } from '../../core/errors';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv, requireEnv, resolveActor } from '../session';

export const userAddCommand: Command = {
  words: ['user', 'add'],
  usage: 'user add --name NAME --role collector|lead|admin [--display-name TEXT] [--as USER] [--data DIR] [--json]',
  summary: 'add a user (password from $COLLECTDESK_PASSWORD)',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { name: { type: 'string' }, role: { type: 'string' }, 'display-name': { type: 'string' }, as: { type: 'string' } });
    if (!values.name || !values.role) throw new UsageError('user add needs --name NAME and --role collector|lead|admin.');
    const role = Role.safeParse(values.role);
    if (!role.success) throw new UsageError(`--role must be collector, lead or admin, not "${values.role}".`);
    const name = UserName.safeParse(values.name);
    if (!name.success) throw new CoreError('invalid_input', `Invalid --name: ${name.error.issues[0]?.message ?? 'not a valid user name'}.`, { field: 'name' });
    const password = Password.safeParse(requireEnv(env, 'COLLECTDESK_PASSWORD', 'the new user’s password'));
    if (!password.success) throw new CoreError('invalid_input', `Invalid password: ${password.error.issues[0]?.message ?? 'too weak'}.`, { field: 'password' });
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const actor = resolveActor(db, values.as);
      const user = await createUser(db, actor, { name: name.data, displayName: values['display-name'] ?? name.data, role: role.data, password: password.data }, new Date().toISOString());
      out.result({ user }, `Added ${user.role} "${user.name}".`);
    } finally {
      db.close();
    }
  },
};
