import { CoreError, toApiError } from '../core/errors';
import type { Command } from './command';
import { auditVerifyCommand } from './commands/audit-verify';
import { clientAddCommand, clientUpdateCommand } from './commands/client';
import { importCommands } from './commands/import';
import { batchListCommand, previewCommands } from './commands/preview';
import { caseShowCommand } from './commands/case-show';
import { checkContactCommand } from './commands/check-contact';
import { assignCommand } from './commands/assign';
import { demoCommand } from './commands/demo';
import { reportKpiCommand } from './commands/report-kpi';
import { exportReturnsCommand } from './commands/export-returns';
import { backupCommand, purgeCommand, restoreCommand } from './commands/backup';
import { activityAddCommand } from './commands/activity-add';
import { initCommand } from './commands/init';
import { userAddCommand } from './commands/user-add';
import { UsageError } from './errors';
import { createOutput } from './output';
import { syncCommand } from './commands/sync';
import { screenNotesCommand } from './commands/screen-notes';
import { notesRescreenCommand } from './commands/notes-rescreen';
import { hubCommands } from './commands/hub';

export const COMMANDS: Command[] = [initCommand, userAddCommand, clientAddCommand, clientUpdateCommand, ...importCommands, ...previewCommands, batchListCommand, assignCommand, caseShowCommand, checkContactCommand, activityAddCommand, screenNotesCommand, notesRescreenCommand, reportKpiCommand, exportReturnsCommand, auditVerifyCommand, backupCommand, restoreCommand, purgeCommand, demoCommand, syncCommand, ...hubCommands];

function helpText(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return [
    'Usage: collectdesk <command> [options]   (npm run cli -- <command> ...)',
    '',
    'Commands:',
    ...lines,
    '',
    'Every command takes --data DIR (else $COLLECTDESK_DATA, else the desktop app’s data folder) and --json.',
    'Exit codes: 0 success, 1 refused or failed, 2 bad usage.',
  ].join('\n');
}

function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  for (const c of [...COMMANDS].sort((a, b) => b.words.length - a.words.length)) {
    if (c.words.every((w, i) => argv[i] === w)) return { command: c, rest: argv.slice(c.words.length) };
  }
  return null;
}

/** Runs one command line; resolves to the exit code. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const json = argv.includes('--json');
  const out = createOutput(json, io.stdout, io.stderr);
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.stdout.write(`${helpText()}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  try {
    if (!found) throw new UsageError(`Unknown command "${argv.slice(0, 2).join(' ')}". Run "collectdesk help" for the list.`);
    await found.command.run({ args: found.rest, env, out });
    return out.failed ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      out.failure({ code: 'invalid_input', message: err.message });
      if (found) io.stderr.write(`Usage: collectdesk ${found.command.usage}\n`);
      return 2;
    }
    if (!(err instanceof CoreError) && env.COLLECTDESK_DEBUG) io.stderr.write(`${String((err as Error)?.stack ?? err)}\n`);
    out.failure(toApiError(err));
    return 1;
  }
}
