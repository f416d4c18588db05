import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { CoreApp } from '../core/app/core-app';
import { clockFromEnv } from '../core/clock';
import { jsonFilePreferences } from '../core/app/preferences';
import { defaultDataDir } from '../core/db/paths';
import { ensureRendererBuilt } from '../launcher/build-renderer';
import { startWebHost } from './server';

/** `npm run web -- --data DIR [--port P]`: the app in a browser, served on 127.0.0.1 with a per-run token. */
export async function runWebHost(argv: string[], intro?: string): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('Usage: npm run web -- [--data DIR] [--port P]\n');
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const dataDir = resolve(values.data ?? defaultDataDir());
  const staticDir = await ensureRendererBuilt();
  const logError = (where: string, e: unknown): void => void process.stderr.write(`[${where}] ${String((e as Error)?.stack ?? e)}\n`);
  const app = new CoreApp({ dataDir, via: 'web', clock: clockFromEnv(), prefs: jsonFilePreferences(join(dataDir, 'preferences.json')), logError });
  const host = await startWebHost({ app, staticDir, port, logError });
  const stop = (): void => {
    void host.close().then(() => {
      app.close();
      process.exit(0);
    });
  };
  // before the address is printed: whoever reads it may stop the host at once
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (intro) process.stdout.write(`${intro}\n`);
  process.stdout.write(`CollectDesk is running in browser mode. Data folder: ${dataDir}\n`);
  process.stdout.write(`Open ${host.url}\n`);
}

export class UsageError extends Error {}

