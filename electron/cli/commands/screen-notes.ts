import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { screenNotesForClient } from '../../core/compliance/screen-notes';
import { CoreError } from '../../core/errors';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv } from '../session';

/** The file's lines that hold a note (1-based line numbers of the file), from UTF-8 text; anything else is refused whole. */
function readNotes(path: string): { line: number; text: string }[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new CoreError('unreadable_file', `${basename(path)}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`, { file: basename(path) });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CoreError('unreadable_file', `${basename(path)}: is not UTF-8 text. Save it as UTF-8 and try again.`, { file: basename(path) });
  }
  return text
    .split(/\r\n|\n|\r/)
    .map((t, i) => ({ line: i + 1, text: t }))
    .filter((l) => l.text.trim() !== '');
}

const LABEL = { block: 'BLOCK', warn: 'REVIEW', pass: 'pass' } as const;

export const screenNotesCommand: Command = {
  words: ['screen-notes'],
  usage: 'screen-notes --client CODE FILE [--data DIR] [--json]',
  summary: 'screen a UTF-8 text file of notes, one a line, with the client’s rule pack as activity add would; writes nothing',
  async run({ args, env, out }) {
    const { values, positionals } = parseCommandArgs(args, { client: { type: 'string' } });
    if (!values.client) throw new UsageError('screen-notes needs --client CODE.');
    if (positionals.length !== 1) throw new UsageError(`screen-notes takes one FILE of notes${positionals.length ? ` (got ${positionals.length}: "${positionals.join('" "')}")` : ''}.`);
    const file = resolve(positionals[0] as string);
    const notes = readNotes(file);
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const results = screenNotesForClient(db, values.client, notes.map((n) => n.text));
      const screened = notes.map((n, i) => {
        const r = results[i] as (typeof results)[number];
        return { line: n.line, verdict: r.verdict, rules: r.hits.map((h) => ({ rule: h.rule, category: h.category, kind: h.kind, match: h.match })) };
      });
      const count = (v: string) => screened.filter((s) => s.verdict === v).length;
      const lines = [
        ...screened.filter((s) => s.verdict !== 'pass').map((s) => `${String(s.line).padStart(5)}  ${LABEL[s.verdict].padEnd(6)} ${s.rules.map((r) => `${r.rule} ${r.category} “${r.match}”${r.kind === 'warn' && s.verdict === 'block' ? ' (review)' : ''}`).join('; ')}`),
        `${screened.length} notes in ${basename(file)}: ${count('block')} blocked, ${count('warn')} to review, ${count('pass')} passed.`,
      ];
      out.result({ notes: screened }, lines.join('\n'));
    } finally {
      db.close();
    }
  },
};
