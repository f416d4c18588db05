import { test as base, expect, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const START_TIMEOUT = 90_000;

/** A free TCP port on 127.0.0.1 (asked from the OS, then released for the host). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => done(port));
    });
  });
}

export interface WebHost {
  /** the URL the host printed, with #token=… */
  url: string;
  dataDir: string;
  /**
   * Stops this host and starts a new one on the same data folder (new port, new token);
   * `whileStopped` runs in between (e.g. to seed the database while no host holds it).
   */
  restart(whileStopped?: () => void | Promise<void>): Promise<WebHost>;
  stop(): Promise<void>;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const pid = child.pid;
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal); // the whole group: npx, its shell, tsx and node
    } catch {
      /* already gone */
    }
  };
  kill('SIGTERM');
  const timer = setTimeout(() => kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Spawns `npx tsx electron/web/main.ts --data DIR --port P` and waits for its "Open http://…" line. */
export async function startHost(dataDir: string, extraEnv: Record<string, string> = {}): Promise<WebHost> {
  const port = await freePort();
  const child = spawn('npx', ['tsx', 'electron/web/main.ts', '--data', dataDir, '--port', String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...extraEnv },
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`The web host did not start within ${START_TIMEOUT} ms:\n${output}`)), START_TIMEOUT);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`The web host exited with code ${code}:\n${output}`));
    });
  });
  const host: WebHost = {
    url,
    dataDir,
    stop: () => stopProcess(child),
    restart: async (whileStopped) => {
      await stopProcess(child);
      await whileStopped?.();
      const next = await startHost(dataDir, extraEnv);
      current = next;
      return next;
    },
  };
  return host;
}

let current: WebHost | null = null;

/**
 * Per test: a fresh temporary data folder and its own web host on a free port, killed after the test.
 * Per worker (workers: 1): the renderer is built once, before any host starts, so two builds never overlap.
 */
export const test = base.extend<
  {
    host: WebHost;
    /** extra environment of the host, e.g. `test.use({ hostEnv: { COLLECTDESK_NOW: '2026-11-24T02:00:00Z' } })` */
    hostEnv: Record<string, string>;
    /** a script (and its arguments after the data folder) that fills the fresh data folder before the host first starts */
    prepareData: string[] | null;
  },
  { rendererBuilt: boolean }
>({
  hostEnv: [{}, { option: true }],
  prepareData: [null, { option: true }],
  rendererBuilt: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const build = spawnSync('npx', ['tsx', '-e', "import('./electron/launcher/build-renderer.ts').then((m) => m.ensureRendererBuilt())"], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 180_000,
      });
      if (build.status !== 0) throw new Error(`Building the renderer failed:\n${build.stdout}\n${build.stderr}`);
      await use(true);
    },
    { scope: 'worker', auto: true, timeout: 200_000 },
  ],
  // Any uncaught exception or console error in the app fails the test (CSP violations included).
  // The page takes the host so that it is checked and closed before the host stops: a request still on its way when
  // the test ends would otherwise be refused by a stopped host and counted as the app's error.
  page: async ({ page, host: _running }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
    });
    await use(page);
    expect(problems, 'errors in the browser console').toEqual([]);
  },
  host: async ({ rendererBuilt, hostEnv, prepareData }, use) => {
    expect(rendererBuilt).toBe(true);
    const dataDir = mkdtempSync(join(tmpdir(), 'collectdesk-e2e-'));
    if (prepareData?.[0]) runScript(prepareData[0], [dataDir, ...prepareData.slice(1)]);
    current = await startHost(dataDir, hostEnv);
    try {
      await use(current);
    } finally {
      await current?.stop();
      current = null;
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };

/** Runs a TypeScript script of the project with tsx (in its own Node 22 process); throws with its output on failure. */
export function runScript(script: string, args: string[]): void {
  const r = spawnSync('npx', ['tsx', script, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${script} failed:\n${r.stdout}\n${r.stderr}`);
}

/** Screenshots go to test-results/screenshots; with UPDATE_SCREENSHOTS=1 they refresh the README's in docs/screenshots. */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');

/** Saves a full-window screenshot (after fonts and transitions settle). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
