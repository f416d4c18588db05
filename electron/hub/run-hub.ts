import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { newSetupCode } from '../../shared/replication/setup-code';
import { loadOrCreateCertificate } from './certificate';
import { DEFAULT_CONFIG, type HubConfig } from './config';
import { startHubServer, type RunningHub } from './server';
import { HubService } from './service';
import { PgHubStore } from './store/pg-store';
import { SqliteHubStore } from './store/sqlite-store';
import type { HubStore } from './store/types';

export class UsageError extends Error {}

export const HUB_DB_FILE = 'hub.db';
export const DEFAULT_LISTEN = '0.0.0.0:8443';

const USAGE = `Usage: npm run hub -- --data DIR [--listen HOST:PORT] [--pg URL [--pg-schema NAME]] [--min-schema-version N]
  --data DIR               the hub's folder: its TLS certificate, and its SQLite store unless --pg is given
  --listen HOST:PORT       where to listen (default ${DEFAULT_LISTEN}; port 0 picks a free one)
  --pg URL                 keep the log in PostgreSQL (several hubs may share one database)
  --pg-schema NAME         the PostgreSQL schema (default collectdesk_hub)
  --min-schema-version N   answer update_required to stations older than schema N (default 1)`;

export function parseListen(text: string): { host: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:]+)\]|([^:\s]+)):(\d{1,5})$/.exec(text);
  const port = Number(m?.[3]);
  if (!m || !Number.isInteger(port) || port > 65535) throw new UsageError(`--listen takes HOST:PORT (e.g. 0.0.0.0:8443 or [::1]:8443), not "${text}".`);
  return { host: m[1] ?? m[2] ?? '', port };
}

export interface StartedHub {
  hub: RunningHub;
  store: HubStore;
  ready: { listening: string; fingerprint: string; setupCode?: string };
  stop(): Promise<void>;
}

/** Starts the hub from its command line; returns once it listens. */
export async function startHub(argv: string[], overrides: Partial<HubConfig> = {}): Promise<StartedHub | null> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      listen: { type: 'string' },
      pg: { type: 'string' },
      'pg-schema': { type: 'string' },
      'min-schema-version': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return null;
  }
  if (!values.data) throw new UsageError(`--data DIR is required.\n${USAGE}`);
  if (values['pg-schema'] && !values.pg) throw new UsageError('--pg-schema goes with --pg URL.');
  const minSchemaVersion = values['min-schema-version'] === undefined ? DEFAULT_CONFIG.minSchemaVersion : Number(values['min-schema-version']);
  if (!Number.isInteger(minSchemaVersion) || minSchemaVersion < 1) throw new UsageError(`--min-schema-version takes a whole number from 1, not "${values['min-schema-version']}".`);
  const { host, port } = parseListen(values.listen ?? DEFAULT_LISTEN);
  const dir = resolve(values.data);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tls = await loadOrCreateCertificate(dir, host);
  const store: HubStore = values.pg ? await PgHubStore.open({ url: values.pg, schema: values['pg-schema'] }) : SqliteHubStore.open(join(dir, HUB_DB_FILE));
  try {
    const service = new HubService(store, { ...DEFAULT_CONFIG, minSchemaVersion, ...overrides });
    const setupCode = (await store.agency()) ? null : await store.setupCode(newSetupCode());
    const hub = await startHubServer({ service, tls, host, port });
    const ready = { listening: hub.url, fingerprint: tls.fingerprint, ...(setupCode ? { setupCode } : {}) };
    return {
      hub,
      store,
      ready,
      stop: async () => {
        await hub.close();
        await store.close();
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

/** `npm run hub`: prints one JSON line when ready, runs until SIGTERM or SIGINT. */
export async function runHub(argv: string[]): Promise<void> {
  const started = await startHub(argv);
  if (!started) return;
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void started.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`The hub did not stop cleanly: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  // before the ready line: whoever reads it may stop the hub at once
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`${JSON.stringify(started.ready)}\n`);
  process.stderr.write(`CollectDesk hub listening at ${started.ready.listening} (${started.store.kind} store). Certificate fingerprint: ${started.ready.fingerprint}\n`);
  if (started.ready.setupCode) process.stderr.write(`Not claimed yet: connect the first admin station with setup code ${started.ready.setupCode}\n`);
}
