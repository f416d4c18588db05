import { clockFromEnv } from '../../core/clock';
import { rescreenNotes } from '../../core/review/rescreen';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv, resolveActor } from '../session';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const notesRescreenCommand: Command = {
  words: ['notes', 'rescreen'],
  usage: 'notes rescreen --client CODE [--from DATE --to DATE] [--as USER] [--json]',
  summary: 'screen recorded notes again with the client’s current rule pack; new findings go to the review queue (质检); no note is changed',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { client: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, as: { type: 'string' } });
    if (!values.client) throw new UsageError('notes rescreen needs --client CODE.');
    for (const k of ['from', 'to'] as const) if (values[k] !== undefined && !DAY.test(values[k] ?? '')) throw new UsageError(`--${k} must be a date YYYY-MM-DD.`);
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const r = rescreenNotes(db, resolveActor(db, values.as), { clientCode: values.client, from: values.from, to: values.to }, clockFromEnv(env).now().toISOString());
      const lines = [
        `${r.client}: ${r.screened} notes screened with ${r.pack}; ${r.flagged} with findings; ${r.added} new in the review queue, ${r.alreadyQueued} already there.`,
        ...r.findings.map((f) => `  ${f.startedAt} ${f.caseNo} ${f.rule} ${f.category} ${f.kind} “${f.match}”${f.added ? ' (queued)' : ''}`),
      ];
      out.result({ ...r }, lines.join('\n'));
    } finally {
      db.close();
    }
  },
};
