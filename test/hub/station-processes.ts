// Processes for the convergence test: the hub (`electron/hub/main.ts`) started, SIGKILLed and started again on the
// same data and port; the `collectdesk` command (electron/cli/bin.mjs) and the edit driver (station-edit.ts), each
// run as a process of its own, optionally SIGKILLed at a named point of a sync round (electron/core/hub/pause-point.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { NODE, ROOT } from '../helpers/cli';
import type { PausePoint } from '../../electron/core/hub/pause-point';

export const PASSPHRASE = 'correct horse battery staple';
const BASE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', COLLECTDESK_PASSPHRASE: PASSPHRASE, COLLECTDESK_PASSWORD: 'password-123' };

export interface Ready {
  listening: string;
  fingerprint: string;
  setupCode?: string;
}

/** A hub process; `kill()` is a SIGKILL, `start()` again serves the same data (and port, once known). */
export class HubProcess {
  private child: ChildProcess | null = null;
  ready: Ready | null = null;
  private port = 0;
  restarts = 0;

  constructor(private readonly args: string[]) {}

  async start(): Promise<Ready> {
    const child = spawn(NODE, ['--import', 'tsx', 'electron/hub/main.ts', ...this.args, '--listen', `127.0.0.1:${this.port}`], { cwd: ROOT, env: BASE_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const ready = await new Promise<Ready>((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const nl = out.indexOf('\n');
        if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)) as Ready);
      });
      child.once('exit', (code) => reject(new Error(`the hub exited ${code}: ${err}`)));
    });
    this.port = Number(new URL(ready.listening).port);
    this.ready = { ...ready, setupCode: ready.setupCode ?? this.ready?.setupCode };
    return this.ready;
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
    this.child = null;
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
    this.restarts++;
  }
}

export interface Run {
  code: number | null;
  /** the pause point it was SIGKILLed at; null when it ran to its end */
  killedAt: PausePoint | null;
  stdout: string;
  stderr: string;
  json: Record<string, unknown>;
}

/** Runs a command (node + args) to its end, or until it reports the pause point, where it is SIGKILLed. */
export function runProcess(args: string[], opts: { pause?: PausePoint; timeoutMs?: number } = {}): Promise<Run> {
  const env: Record<string, string> = { ...BASE_ENV, ...(opts.pause ? { COLLECTDESK_HUB_PAUSE: opts.pause } : {}) };
  const child = spawn(NODE, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let killedAt: PausePoint | null = null;
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 90_000);
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (opts.pause && killedAt === null && stderr.includes(`hub sync paused at ${opts.pause}`)) {
      killedAt = opts.pause;
      child.kill('SIGKILL');
    }
  });
  return new Promise((resolve) => {
    child.once('close', (code) => {
      clearTimeout(timer);
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
      } catch {
        // not JSON: left empty, the caller shows stdout and stderr
      }
      resolve({ code, killedAt, stdout, stderr, json });
    });
  });
}

/** `collectdesk ARGS --data DIR --json` as its own process. */
export function cli(dir: string, args: string[], opts: { pause?: PausePoint } = {}): Promise<Run> {
  return runProcess(['electron/cli/bin.mjs', ...args, '--data', dir, '--json'], opts);
}

/** The edit driver (station-edit.ts) as its own process. */
export function editProcess(dir: string, edit: unknown): Promise<Run> {
  return runProcess(['--import', 'tsx', 'test/hub/station-edit.ts', dir, JSON.stringify(edit)]);
}

/** A small seeded PRNG (mulberry32): the same seed gives the same run. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
