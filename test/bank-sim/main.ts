// The bank simulator (issue 6): `npm run bank-sim -- ...`
//   [serve] --data DIR --port P --key-id K --secret S [--host 127.0.0.1] [--base /v1] [--fail-rate R]
//           [--latency-ms N] [--drop-after-commit R] [--seed N] [--tls-cert PEM --tls-key PEM]
//   stats   --data DIR [--json]
//   load    --data DIR --client CODE [--profile FILE.json] placements|payments|recalls FILE [--batch-no NO] [--json]
//   load    --data DIR --records placements|payments|recalls FILE.json [--json]
// The secret may also come from $BANK_SIM_SECRET. `serve` prints one JSON line with its address, then logs to stderr.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseProfile } from '../../electron/core/clients/clients';
import type { PullKind } from '../../electron/core/sync/wire';
import { checkFaults, type Faults } from './faults';
import { recordsFromFile, recordsFromJson } from './load';
import { listenBank } from './server';
import { BankStore } from './store';

const KINDS: Record<string, PullKind> = { placements: 'placement', placement: 'placement', payments: 'payment', recalls: 'recall' };
const PROFILES = fileURLToPath(new URL('../../resources/profiles/', import.meta.url));

class Usage extends Error {}

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined || v === '') throw new Usage(`bank-sim needs ${what}.`);
  return v;
}

function num(v: string | undefined, fallback: number, what: string): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Usage(`${what} must be a number, not "${v}".`);
  return n;
}

async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, base: { type: 'string' }, 'key-id': { type: 'string' }, secret: { type: 'string' },
      'fail-rate': { type: 'string' }, 'latency-ms': { type: 'string' }, 'drop-after-commit': { type: 'string' }, seed: { type: 'string' },
      'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' }, json: { type: 'boolean' },
    },
    strict: true,
  });
  const host = values.host ?? '127.0.0.1';
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) throw new Usage('bank-sim listens on a loopback address only (127.0.0.1, ::1, localhost).');
  const faults: Faults = {
    failRate: num(values['fail-rate'], 0, '--fail-rate'),
    latencyMs: num(values['latency-ms'], 0, '--latency-ms'),
    dropAfterCommit: num(values['drop-after-commit'], 0, '--drop-after-commit'),
    seed: values.seed === undefined ? undefined : num(values.seed, 0, '--seed'),
  };
  try {
    checkFaults(faults);
  } catch (err) {
    throw new Usage((err as Error).message);
  }
  const store = new BankStore(need(values.data, '--data DIR'));
  const secret = values.secret ?? process.env.BANK_SIM_SECRET;
  const keys = new Map([[need(values['key-id'], '--key-id K'), need(secret, '--secret S (or $BANK_SIM_SECRET)')]]);
  const tls = values['tls-cert'] || values['tls-key'] ? { cert: readFileSync(need(values['tls-cert'], '--tls-cert'), 'utf8'), key: readFileSync(need(values['tls-key'], '--tls-key'), 'utf8') } : undefined;
  const bank = await listenBank({ store, keys, faults, basePath: values.base ?? '/v1', host, port: num(values.port, 0, '--port'), tls });
  process.stdout.write(`${JSON.stringify({ listening: bank.url, port: bank.port })}\n`);
  process.stderr.write(`bank-sim: serving ${bank.url} (fail-rate ${faults.failRate}, latency ${faults.latencyMs} ms, drop-after-commit ${faults.dropAfterCommit})\n`);
  const stop = (): void => {
    void bank.close().then(() => {
      store.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function stats(argv: string[]): void {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  const store = new BankStore(need(values.data, '--data DIR'));
  try {
    const s = store.stats();
    if (values.json) process.stdout.write(`${JSON.stringify(s)}\n`);
    else {
      process.stdout.write(
        `activities ${s.activities}, promises ${s.promises}, plans ${s.plans}, payment claims ${s.paymentClaims} (${s.items} items, ${s.duplicates} re-sent)\n` +
          `feed: ${s.feed.placements} placements, ${s.feed.payments} payments, ${s.feed.recalls} recalls\n` +
          Object.entries(s.counters).map(([k, n]) => `${k} ${n}\n`).join(''),
      );
    }
  } finally {
    store.close();
  }
}

async function load(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, client: { type: 'string' }, profile: { type: 'string' }, records: { type: 'string' }, 'batch-no': { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  const store = new BankStore(need(values.data, '--data DIR'));
  try {
    let kind: PullKind;
    let loaded;
    if (values.records) {
      kind = need(KINDS[values.records], 'a kind after --records: placements, payments or recalls');
      loaded = recordsFromJson(need(positionals[0], 'a FILE.json'));
    } else {
      if (positionals.length !== 2) throw new Usage('bank-sim load needs a kind (placements, payments, recalls) and a FILE.');
      kind = need(KINDS[positionals[0] ?? ''], 'a kind: placements, payments or recalls');
      const code = need(values.client, '--client CODE');
      const file = values.profile ?? join(PROFILES, `${code}.json`);
      const profile = parseProfile(JSON.parse(readFileSync(file, 'utf8')), file);
      loaded = await recordsFromFile(profile, kind, positionals[1] as string, { batchNo: values['batch-no'], today: new Date().toISOString().slice(0, 10) });
    }
    store.append(kind, loaded.records);
    const result = { ok: true, kind, loaded: loaded.records.length, left: loaded.left };
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      process.stdout.write(`Loaded ${loaded.records.length} ${kind} record(s) into the feed.\n`);
      for (const r of loaded.left) process.stdout.write(`  left out: ${r.message}\n`);
    }
  } finally {
    store.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [first, ...rest] = argv;
  if (first === 'stats') return stats(rest);
  if (first === 'load') return load(rest);
  if (first === 'serve') return serve(rest);
  return serve(argv);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`bank-sim: ${(err as Error).message}\n`);
  process.exit(err instanceof Usage || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1);
});
