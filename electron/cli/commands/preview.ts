import { resolve } from 'node:path';
import { localDay } from '../../../shared/compliance/zoned';
import { formatFen } from '../../../shared/domain/money';
import type { ImportKind } from '../../../shared/profile/schema';
import { getClient } from '../../core/clients/clients';
import { importedAt, rehearseRows } from '../../core/import/import-file';
import { previewImport, type ImportPreview } from '../../core/import/preview';
import { listBatches } from '../../core/import/queries';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv, resolveActor } from '../session';

const KINDS: ImportKind[] = ['placement', 'payments', 'recalls'];

/** What the import would do with a row, in words, by kind of file. */
const OUTCOME_WORDS: Record<ImportKind, Record<NonNullable<ImportPreview['rows'][number]['outcome']>, string>> = {
  placement: { inserted: 'NEW', updated: 'UPDATE', unchanged: 'NO CHANGE', adjusted: 'UPDATE' },
  payments: { inserted: 'PAYMENT', updated: 'REVERSAL', unchanged: 'NO CHANGE', adjusted: 'BALANCE CHANGE, NO PAYMENT' },
  recalls: { inserted: 'RECALL', updated: 'RECALL', unchanged: 'ALREADY RECALLED', adjusted: 'RECALL' },
};

function batchHand(b: NonNullable<ImportPreview['batch']>): string {
  if (b.hand !== null) return `hand ${b.hand}`;
  return b.defaultHand === null ? 'no hand (--hand gives one)' : `hand ${b.defaultHand} (the profile's, unless --hand gives another)`;
}

/** A mapped column's field as a person reads it: `contacts.1.phone` is contact group 2's phone. */
function columnField(field: string): string {
  const part = /^contacts\.(\d+)\.(\w+)$/.exec(field);
  return part ? `contact ${Number(part[1]) + 1} ${part[2]}` : field === 'contacts.cell' ? 'contacts' : field;
}

/** The preview in words; `timezone` is the client's, whose calendar dates the earlier import of the same file. */
function previewText(p: ImportPreview, timezone: string): string {
  const found = p.columns.filter((c) => c.header !== null);
  const lines = [
    ...(p.alreadyImportedAt ? [`ALREADY IMPORTED on ${localDay(new Date(p.alreadyImportedAt), timezone)}: importing this file again will be refused.`] : []),
    `${p.file}: ${p.headerRow === 0 ? 'no header (columns by place)' : `header on row ${p.headerRow}`}; ${found.length} of ${p.columns.length} mapped columns found.`,
    ...p.columns.filter((c) => c.header === null).map((c) => `  not in this file: ${columnField(c.field)} (${c.expected})`),
    ...(p.sheets ? [`  sheet "${p.sheets.read}"${p.sheets.others.length > 0 ? `; the other sheets are not read: ${p.sheets.others.map((n) => `"${n}"`).join(', ')}` : ''}`] : []),
    ...p.fileValues.map((v) => `  once per file: ${v.field} = ${v.value} (from ${v.from})`),
    ...(p.batch ? [`  batch: ${p.batch.batchNo ?? '(no batch number: --batch-no gives one)'}, ${batchHand(p.batch)}, ${p.batch.placedAt ?? '?'} → ${p.batch.dueBackAt ?? '?'}`] : []),
    ...p.rows.map((r) => {
      const contacts = r.contacts?.map((c) => `${c.name ?? ''}(${c.relation})${c.phone}`).join(';');
      const values = Object.entries(r.values)
        .filter(([k, v]) => k !== 'caseNo' && v !== null)
        .map(([k, v]) => `${k}=${k === 'contacts' && contacts ? contacts : v}`)
        .join(' ');
      const outcome = r.outcome ? `${OUTCOME_WORDS[p.kind][r.outcome]}: ` : '';
      return `  row ${r.row} ${r.caseNo || '(no case number)'}: ${r.problem ? `REJECTED ${r.problem.field} — ${r.problem.code}: ${r.problem.message}` : outcome + values}`;
    }),
  ];
  return lines.join('\n');
}

function previewCommand(kind: ImportKind): Command {
  return {
    words: ['preview', kind],
    usage: `preview ${kind} --client CODE FILE [--rows N] [--as USER] [--data DIR] [--json]`,
    summary: `the first rows of a bank ${kind} file as the profile reads them, each with the problem the import would report; writes nothing`,
    async run({ args, env, out }) {
      const { values, positionals } = parseCommandArgs(args, { client: { type: 'string' }, rows: { type: 'string' }, as: { type: 'string' } });
      if (!values.client) throw new UsageError(`preview ${kind} needs --client CODE.`);
      if (positionals.length !== 1) throw new UsageError(`preview ${kind} needs exactly one FILE.`);
      const limit = values.rows === undefined ? 20 : Number(values.rows);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--rows must be a whole number from 1 to 1000, not "${values.rows}".`);
      const file = resolve(positionals[0] as string);
      const db = await openFromEnv(dataDirFrom(values.data, env), env);
      try {
        const actor = resolveActor(db, values.as);
        const clientCode = values.client;
        const now = new Date().toISOString();
        const client = getClient(db, clientCode);
        const preview = await previewImport(client, kind, file, {
          limit,
          now,
          importedAt: (sha256) => importedAt(db, client.id, kind, sha256),
          rehearse: (rows) => rehearseRows(db, { ...rows, clientCode, kind, actor, now }),
        });
        out.result({ ...preview }, previewText(preview, client.profile.timezone));
      } finally {
        db.close();
      }
    },
  };
}

export const previewCommands = KINDS.map(previewCommand);

export const batchListCommand: Command = {
  words: ['batch', 'list'],
  usage: 'batch list [--client CODE] [--data DIR] [--json]',
  summary: 'the placement batches: file, batch number, hand, term, and the cases they hold with their placed total',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { client: { type: 'string' } });
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const batches = listBatches(db, values.client);
      const lines = batches.map(
        (b) =>
          `${b.clientCode} ${b.batchNo ?? '(no batch number)'} hand ${b.hand ?? '—'} ${b.placedAt ?? '?'} → ${b.dueBackAt ?? '?'}: ${b.caseCount} cases, ${formatFen(b.placedTotalFen)} yuan placed (${b.fileName}, ${b.status}) ${b.id}`,
      );
      out.result({ batches }, lines.length > 0 ? lines.join('\n') : 'No batches.');
    } finally {
      db.close();
    }
  },
};
