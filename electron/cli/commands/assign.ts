import { assignCases } from '../../core/assignment/assign';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv, resolveActor } from '../session';

export const assignCommand: Command = {
  words: ['assign'],
  usage: 'assign --client CODE --to USER[,USER...] [--batch BATCH_ID] [--as USER] [--json]',
  summary: 'assign unassigned cases, split evenly by count and amount',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { client: { type: 'string' }, to: { type: 'string' }, batch: { type: 'string' }, as: { type: 'string' } });
    if (!values.client || !values.to) throw new UsageError('assign needs --client CODE and --to USER[,USER...].');
    const to = values.to.split(',').map((s) => s.trim()).filter(Boolean);
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const r = assignCases(db, resolveActor(db, values.as), { clientCode: values.client, to, batchId: values.batch }, new Date().toISOString());
      out.result({ ...r }, [`Assigned ${r.assigned} cases.`, ...r.perUser.map((u) => `  ${u.user}: ${u.cases} cases, ${(u.amountFen / 100).toFixed(2)} yuan`)].join('\n'));
    } finally {
      db.close();
    }
  },
};
