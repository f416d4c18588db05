import { existsSync } from 'node:fs';
import { CoreApp } from '../../core/app/core-app';
import { generateDemo } from '../../core/demo/demo';
import { clockFromEnv } from '../../core/clock';
import { dbFile } from '../../core/db/paths';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv, requireEnv, resolveActor } from '../session';

export const demoCommand: Command = {
  words: ['demo'],
  usage: 'demo --cases N [--collectors N] [--data DIR] [--json]',
  summary: 'fill DIR with a realistic demo data set (clients, batches, a lead and collectors, 30 days of activities, promises, plans, payments); creates the database (admin "admin") if there is none',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { cases: { type: 'string' }, collectors: { type: 'string' } });
    const cases = Number(values.cases);
    const collectors = values.collectors === undefined ? 3 : Number(values.collectors);
    if (!Number.isInteger(cases) || cases < 1 || cases > 5_000_000) throw new UsageError('--cases must be a whole number from 1 to 5,000,000.');
    if (!Number.isInteger(collectors) || collectors < 1 || collectors > 2000) throw new UsageError('--collectors must be a whole number from 1 to 2000.');
    const dataDir = dataDirFrom(values.data, env);
    const password = requireEnv(env, 'COLLECTDESK_PASSWORD', 'the password of the demo users');
    if (!existsSync(dbFile(dataDir))) {
      const app = new CoreApp({ dataDir, via: 'cli' });
      const r = await app.dispatch('app.setup', { passphrase: requireEnv(env, 'COLLECTDESK_PASSPHRASE', 'the passphrase of the new database'), adminName: 'admin', adminDisplayName: '管理员', adminPassword: password });
      app.close();
      if (!r.ok) return out.failure(r.error);
    }
    const db = await openFromEnv(dataDir, env);
    try {
      const started = performance.now();
      const sum = await generateDemo(db, resolveActor(db, undefined), { cases, collectors, password, now: clockFromEnv(env).now(), onProgress: out.json ? undefined : (n) => out.info(`  ${n} cases…`) });
      const secs = ((performance.now() - started) / 1000).toFixed(1);
      out.result({ dataDir, ...sum, seconds: Number(secs) }, `Demo data in ${dataDir} (${secs} s): ${sum.cases} cases, ${sum.activities} activities, ${sum.promises} promises, ${sum.payments} payments, ${sum.plans} plans.\nUsers (password as given): admin, ${sum.users.map((u) => `${u.name} (${u.role})`).join(', ')}.`);
    } finally {
      db.close();
    }
  },
};
