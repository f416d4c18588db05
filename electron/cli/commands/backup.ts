import { createBackup } from '../../core/backup/backup';
import { restoreBackup } from '../../core/backup/restore';
import { previewPurge, purgeExpired } from '../../core/retention/purge';
import { agencyDay } from '../../core/clock';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv, requireEnv, resolveActor } from '../session';

export const backupCommand: Command = {
  words: ['backup'],
  usage: 'backup --out FILE [--data DIR] [--json]',
  summary: 'a consistent encrypted copy of the database (opens with the same passphrase), taken while the app may run',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { out: { type: 'string' } });
    if (!values.out) throw new UsageError('backup needs --out FILE.');
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const b = await createBackup(db, resolveActor(db, undefined), values.out, new Date().toISOString());
      out.result({ ...b }, `Backup written to ${b.file} (${b.bytes} bytes, SHA-256 ${b.sha256}).`);
    } finally {
      db.close();
    }
  },
};

export const restoreCommand: Command = {
  words: ['restore'],
  usage: 'restore FILE [--data DIR] [--json]',
  summary: 'restore a backup into a data folder that is empty or does not exist (passphrase from $COLLECTDESK_PASSPHRASE)',
  async run({ args, env, out }) {
    const { values, positionals } = parseCommandArgs(args, {});
    if (positionals.length !== 1) throw new UsageError('restore needs exactly one FILE.');
    const dataDir = dataDirFrom(values.data, env);
    await restoreBackup(positionals[0] as string, dataDir, requireEnv(env, 'COLLECTDESK_PASSPHRASE', 'the passphrase of the backup'));
    out.result({ dataDir }, `Restored into ${dataDir}.`);
  },
};

export const purgeCommand: Command = {
  words: ['purge'],
  usage: 'purge [--preview] [--data DIR] [--json]',
  summary: 'delete the personal data of cases whose retention after recall or due-back has run out, then compact the file (--preview: only say how many cases, debtors and batches it would touch)',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { as: { type: 'string' }, preview: { type: 'boolean' } });
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const now = new Date();
      if (values.preview) {
        const p = previewPurge(db, resolveActor(db, values.as), agencyDay(now));
        const batches = p.byBatch.map((b) => `  ${b.clientCode} ${b.batchNo ?? b.fileName}: ${b.cases} cases`).join('\n');
        out.result(
          { ...p },
          p.cases
            ? `A purge now would delete the personal data of ${p.cases} cases (${p.debtors} debtors):\n${batches}${p.held.cases ? `\nKept for now: ${p.held.cases} due cases of ${p.held.debtors} debtors who still have a case that is not due.` : ''}`
            : 'Nothing is due for purging.',
        );
        return;
      }
      const r = purgeExpired(db, resolveActor(db, values.as), agencyDay(now), now.toISOString());
      out.result({ ...r }, r.cases ? `Purged the personal data of ${r.cases} cases (${r.debtors} debtors); the file was compacted.` : 'Nothing is due for purging.');
    } finally {
      db.close();
    }
  },
};
