import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { generateCases, writeBankACsv } from '../helpers/bank-files';
import { CLI_ARGS, NODE, ROOT } from '../helpers/cli';
import { PASSPHRASE } from '../helpers/core';
import { setupWithClients } from '../helpers/import';
import { makeTempDir } from '../helpers/temp-dir';

/**
 * SQLite writes sorts, index builds and statement journals to temporary files (etilqs_*) in SQLITE_TMPDIR / TMPDIR,
 * outside the encryption: a 50k-row import left tens of thousands of debtors' ID numbers in them. SQLite deletes such
 * a file as soon as it opens it, so it is read here through the importing process's open files (/proc/PID/fd) while
 * the import runs, and the folder is looked at during and after.
 */
const ROWS = 50_000;
const ID_NUMBER = /\d{17}[\dX]/g;
/** the prefix of SQLite's temporary file names */
const SQLITE_TEMP = 'etilqs_';

describe.runIf(existsSync('/proc/self/fd'))('a large import in a process whose temporary folder is watched', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let dataDir: string;
  let file: string;
  let ids: Set<string>;
  let removeStore: () => void = () => undefined;
  beforeAll(async () => {
    tmp = makeTempDir();
    const env = await setupWithClients();
    dataDir = env.dataDir;
    removeStore = env.cleanup;
    env.app.close();
    file = join(tmp.dir, 'placement-large.csv');
    const cases = generateCases(ROWS, { prefix: 'T' });
    ids = new Set(cases.map((c) => c.idNumber));
    writeBankACsv(file, cases);
  }, 120_000);
  afterAll(() => {
    removeStore();
    tmp?.cleanup();
  });

  it('leaves no ID number in a temporary file, while it runs or after', async () => {
    const sqliteTmp = join(tmp.dir, 'sqlite-tmp');
    mkdirSync(sqliteTmp);
    const child = spawn(NODE, [...CLI_ARGS, 'import', 'placement', '--client', 'bank-a', file, '--data', dataDir, '--json'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', COLLECTDESK_PASSPHRASE: PASSPHRASE, SQLITE_TMPDIR: sqliteTmp, TMPDIR: sqliteTmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    let running = true;
    const exited = new Promise<number>((resolve) => child.on('exit', (code) => ((running = false), resolve(code ?? -1))));

    // (tsx keeps its own cache in TMPDIR too)
    const sqliteFiles = (): string[] => readdirSync(sqliteTmp).filter((n) => n.includes(SQLITE_TEMP));
    const leaked = new Set<string>();
    const tempFilesSeen = new Set<string>();
    const scan = (bytes: Buffer): void => {
      for (const m of bytes.toString('latin1').matchAll(ID_NUMBER)) if (ids.has(m[0])) leaked.add(m[0]);
    };
    const look = (): void => {
      const fdDir = `/proc/${child.pid}/fd`;
      let fds: string[];
      try {
        fds = readdirSync(fdDir);
      } catch {
        return; // the process has just ended
      }
      for (const fd of fds) {
        try {
          const target = readlinkSync(join(fdDir, fd));
          if (!target.startsWith(sqliteTmp) || !target.includes(SQLITE_TEMP)) continue;
          tempFilesSeen.add(target);
          scan(readFileSync(join(fdDir, fd)));
        } catch {
          // closed meanwhile
        }
      }
      for (const name of sqliteFiles()) {
        tempFilesSeen.add(name);
        try {
          scan(readFileSync(join(sqliteTmp, name)));
        } catch {
          // removed meanwhile
        }
      }
    };
    while (running) {
      look();
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    expect(await exited).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, accepted: ROWS });
    look();
    expect(sqliteFiles()).toEqual([]);
    expect({ leakedIdNumbers: leaked.size, tempFiles: [...tempFilesSeen] }).toEqual({ leakedIdNumbers: 0, tempFiles: [] });
  }, 120_000);
});
