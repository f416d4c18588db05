import { resolve } from 'node:path';
import type { ImportKind } from '../../../shared/profile/schema';
import { importFile } from '../../core/import/import-file';
import { sha256File } from '../../core/import/hash';
import { placementWorkerEntry } from '../../core/import/worker-entry';
import { agencyDay, clockFromEnv } from '../../core/clock';
import { settlePromises } from '../../core/promises/settle';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv, resolveActor } from '../session';

const KINDS: ImportKind[] = ['placement', 'payments', 'recalls'];

function importCommand(kind: ImportKind): Command {
  return {
    words: ['import', kind],
    usage: `import ${kind} --client CODE FILE [--batch-no NO] [--hand N] [--as USER] [--data DIR] [--json]`,
    summary: `import a bank ${kind} file with the client's profile`,
    async run({ args, env, out }) {
      const { values, positionals } = parseCommandArgs(args, { client: { type: 'string' }, 'batch-no': { type: 'string' }, hand: { type: 'string' }, as: { type: 'string' } });
      if (!values.client) throw new UsageError(`import ${kind} needs --client CODE.`);
      if (positionals.length !== 1) throw new UsageError(`import ${kind} needs exactly one FILE.`);
      const hand = values.hand === undefined ? undefined : Number(values.hand);
      if (hand !== undefined && (!Number.isInteger(hand) || hand < 1)) throw new UsageError(`--hand must be a whole number from 1, not "${values.hand}".`);
      const file = resolve(positionals[0] as string);
      // Hashed while scrypt derives the key on another thread (~0.1 s of a 100k-row file's import).
      const sha256 = sha256File(file);
      sha256.catch(() => undefined);
      const db = await openFromEnv(dataDirFrom(values.data, env), env);
      try {
        const actor = resolveActor(db, values.as);
        const started = performance.now();
        const summary = await importFile(db, {
          clientCode: values.client,
          kind,
          file,
          sha256,
          batchNo: values['batch-no'],
          hand,
          actor,
          now: new Date().toISOString(),
          worker: placementWorkerEntry(),
          onProgress: out.json ? undefined : (n) => out.info(`  ${n} rows…`),
        });
        const now = clockFromEnv(env).now();
        if (kind === 'payments') settlePromises(db, agencyDay(now), now.toISOString());
        const secs = ((performance.now() - started) / 1000).toFixed(1);
        const lines = [
          `Imported ${summary.file} for ${summary.client} in ${secs} s: ${summary.rows} rows, ${summary.accepted} accepted (${summary.inserted} new, ${summary.updated} updated, ${summary.unchanged} unchanged), ${summary.rejected.length} rejected.`,
          ...summary.rejected.map((r) => `  row ${r.row}${r.caseNo ? ` (${r.caseNo})` : ''}: ${r.field} — ${r.code}: ${r.message}`),
        ];
        out.result({ ...summary }, lines.join('\n'));
      } finally {
        db.close();
      }
    },
  };
}

export const importCommands = KINDS.map(importCommand);
