import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Node 22 from the project (plain `node` may be older), running the sources through tsx in one process. */
export const NODE = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
export const CLI_ARGS = ['--import', 'tsx', 'electron/cli/main.ts'];

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as the one JSON document --json promises */
  json: Record<string, unknown>;
}

/** Runs the real command line in a child process, as a script would. */
export function runCliProcess(args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(NODE, [...CLI_ARGS, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  let json: Record<string, unknown> = {};
  if (args.includes('--json')) json = JSON.parse(r.stdout) as Record<string, unknown>;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json };
}

/** Runs a command line in this process (same code path as the `collectdesk` command, without a process start). */
export async function runCliInProcess(args: string[], env: Record<string, string>): Promise<CliRun> {
  const { runCli } = await import('../../electron/cli/run-cli');
  const { PassThrough } = await import('node:stream');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: { out: string[]; err: string[] } = { out: [], err: [] };
  stdout.on('data', (d: Buffer) => chunks.out.push(d.toString()));
  stderr.on('data', (d: Buffer) => chunks.err.push(d.toString()));
  const code = await runCli(args, { PATH: process.env.PATH ?? '', ...env }, { stdout, stderr });
  await new Promise((r) => setImmediate(r));
  const out = chunks.out.join('');
  return { code, stdout: out, stderr: chunks.err.join(''), json: args.includes('--json') ? (JSON.parse(out) as Record<string, unknown>) : {} };
}
