import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CoreError } from '../../core/errors';
import { exportReturns, type ReturnsFile } from '../../core/returns/export-returns';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv, resolveActor } from '../session';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The folder of --out must exist (nothing is created behind the operator's back) and --out must not be a folder. */
function checkOut(out: string): void {
  const dir = dirname(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CoreError('invalid_input', `The folder ${dir} does not exist. Create it first, or give --out a file in a folder that exists.`, { field: 'out' });
  }
  if (existsSync(out) && statSync(out).isDirectory()) throw new CoreError('invalid_input', `${out} is a folder: give --out the name of the file to write.`, { field: 'out' });
}

/** Writes files atomically: each to a temporary name beside it, then renamed into place (a reader never sees half a file). */
function writeAtomically(files: { path: string; file: ReturnsFile }[]): void {
  const temps = files.map(({ path }) => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`));
  try {
    files.forEach(({ file }, i) => writeFileSync(temps[i] as string, file.bytes, { flag: 'wx' }));
    files.forEach(({ path }, i) => renameSync(temps[i] as string, path));
  } catch (err) {
    for (const t of temps) rmSync(t, { force: true });
    throw new CoreError('invalid_input', `Could not write ${files.map((f) => f.path).join(' and ')}: ${(err as Error).message}`, { field: 'out' });
  }
}

export const exportReturnsCommand: Command = {
  words: ['export', 'returns'],
  usage: 'export returns --client CODE --from DATE --to DATE --out FILE [--as USER] [--data DIR] [--json]',
  summary: 'the returns file (回盘) of a period in the client’s template, with its daily report where the profile asks for one',
  async run({ args, env, out }) {
    const { values, positionals } = parseCommandArgs(args, { client: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, as: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`export returns takes no positional arguments (got "${positionals.join(' ')}").`);
    if (!values.client) throw new UsageError('export returns needs --client CODE.');
    for (const k of ['from', 'to'] as const) {
      if (!values[k]) throw new UsageError(`export returns needs --${k} DATE (YYYY-MM-DD).`);
      if (!DAY.test(values[k] ?? '')) throw new UsageError(`--${k} must be a date YYYY-MM-DD, not "${values[k]}".`);
    }
    if (!values.out) throw new UsageError('export returns needs --out FILE.');
    const target = resolve(values.out);
    checkOut(target);
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const actor = resolveActor(db, values.as);
      const started = performance.now();
      const r = await exportReturns(db, actor, { clientCode: values.client, from: values.from as string, to: values.to as string }, {
        now: new Date().toISOString(),
        deliver: ({ main, daily }) => {
          const beside = daily ? [{ path: join(dirname(target), daily.fileName), file: daily }] : [];
          if (beside[0]?.path === target) throw new CoreError('invalid_input', `--out names the daily report's own file ${daily?.fileName}: choose another name.`, { field: 'out' });
          writeAtomically([{ path: target, file: main }, ...beside]);
        },
      });
      const dailyPath = r.dailyReport ? join(dirname(target), r.dailyReport.fileName) : null;
      const secs = ((performance.now() - started) / 1000).toFixed(2);
      const rows = r.counts;
      const lines = [
        `Wrote ${target} for ${r.client} (${r.from} … ${r.to}) in ${secs} s: ${rows.activities} activities, ${rows.promises} promises, ${rows.plans} plans, ${rows.recalls} recalled cases.`,
        `  SHA-256 ${r.sha256}`,
        ...(r.dailyReport && dailyPath ? [`Daily report ${dailyPath}`, `  SHA-256 ${r.dailyReport.sha256}`] : []),
        ...(r.recallsMarked > 0 ? [`${r.recallsMarked} recalled case(s) marked as returned to the bank.`] : []),
      ];
      out.result(
        {
          client: r.client, from: r.from, to: r.to, format: r.format, file: target, sha256: r.sha256, rows,
          dailyReport: r.dailyReport && dailyPath ? { file: dailyPath, sha256: r.dailyReport.sha256 } : null,
          recallsMarked: r.recallsMarked,
        },
        lines.join('\n'),
      );
    } finally {
      db.close();
    }
  },
};
