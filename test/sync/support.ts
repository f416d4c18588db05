import { join } from 'node:path';
import type { Actor } from '../../electron/core/auth/actor';
import { createUser } from '../../electron/core/auth/users';
import { addClient, type ClientRecord } from '../../electron/core/clients/clients';
import { recordActivity } from '../../electron/core/contact/record-activity';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { importFile } from '../../electron/core/import/import-file';
import { decidePlan } from '../../electron/core/plans/approvals';
import { settlePromises } from '../../electron/core/promises/settle';
import { agencyDay } from '../../electron/core/clock';
import { storeSnapshot } from './snapshot';
import type { BankClientOptions } from '../../electron/core/sync/bank-client';
import { runClientRound } from '../../electron/core/sync/round';
import { storeSyncSecret } from '../../electron/core/sync/secret';
import type { SyncRoundResult } from '../../shared/contract/sync';
import type { SyncSection } from '../../shared/profile/sync-schema';
import { NO_FAULTS, type Faults } from '../bank-sim/faults';
import { recordsFromFile } from '../bank-sim/load';
import { listenBank, type RunningBank } from '../bank-sim/server';
import { BankStore } from '../bank-sim/store';
import { ADMIN, PASSPHRASE } from '../helpers/core';
import { fixture, shippedProfile } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/temp-dir';

export const KEY_ID = 'agency-0001';
export const SECRET = 'a test secret, 32 characters ok!';
/** Retries that do not slow a test down. */
export const FAST: BankClientOptions = { retry: { attempts: 8, baseMs: 2, capMs: 20 }, http: { timeoutMs: 5_000 } };

export interface Bank {
  bank: RunningBank;
  store: BankStore;
  dir: string;
  /** restarts the server on the same store and port with other faults */
  restart(faults: Faults): Promise<void>;
  stop(): Promise<void>;
}

/** The simulator on a free port of 127.0.0.1, with its own store in a temp folder. */
export async function startBank(faults: Faults = NO_FAULTS, extra: { tls?: { cert: string; key: string } } = {}): Promise<Bank> {
  const tmp = makeTempDir('bank-sim-');
  const store = new BankStore(tmp.dir);
  const keys = new Map([[KEY_ID, SECRET]]);
  const b: Bank = {
    bank: await listenBank({ store, keys, faults, tls: extra.tls }),
    store,
    dir: tmp.dir,
    async restart(f) {
      const port = b.bank.port;
      await b.bank.close();
      b.bank = await listenBank({ store, keys, faults: f, port, tls: extra.tls });
    },
    async stop() {
      await b.bank.close();
      store.close();
      tmp.cleanup();
    },
  };
  return b;
}

/** Loads bank files into the simulator's feed through the profile readers. */
export async function loadFiles(store: BankStore, code: 'bank-a' | 'bank-b', files: readonly { kind: 'placement' | 'payment' | 'recall'; file: string }[]): Promise<void> {
  for (const f of files) store.append(f.kind, (await recordsFromFile(shippedProfile(code), f.kind, f.file, { today: '2026-11-25' })).records);
}

export const BANK_A_FILES = [
  { kind: 'placement', file: fixture('bank-a', 'placement-2026-11.csv') },
  { kind: 'payment', file: fixture('bank-a', 'payments-2026-11-20.csv') },
  { kind: 'recall', file: fixture('bank-a', 'recall-2026-11-25.csv') },
] as const satisfies { kind: 'placement' | 'payment' | 'recall'; file: string }[];

export interface Agency {
  db: Db;
  key: Buffer;
  actor: Actor;
  client: ClientRecord;
  dataDir: string;
  round(opts?: BankClientOptions): Promise<SyncRoundResult>;
  count(sql: string, ...params: unknown[]): number;
  close(): void;
}

/** An agency database with bank-a registered, syncing with `url` (and the test secret). */
export async function startAgency(url: string, sync: Partial<SyncSection> = {}, code: 'bank-a' | 'bank-b' = 'bank-a'): Promise<Agency> {
  const tmp = makeTempDir();
  const dataDir = join(tmp.dir, 'data');
  const now = '2026-11-23T02:00:00.000Z';
  const { db, key } = await openDatabase({ dataDir, secret: { passphrase: PASSPHRASE }, create: true, now });
  const admin = await createUser(db, null, { name: ADMIN.name, displayName: ADMIN.displayName, role: 'admin', password: ADMIN.password }, now);
  const actor: Actor = { id: admin.id, role: 'admin', via: 'cli' };
  const client = addClient(db, actor, { ...shippedProfile(code), sync: { url, keyId: KEY_ID, intervalMinutes: 15, batchSize: 500, ...sync } }, now);
  storeSyncSecret(db, key, client, SECRET, actor, now);
  return {
    db,
    key,
    actor,
    client,
    dataDir,
    round: (opts = FAST) => runClientRound(db, key, client.code, { now: () => new Date(), actor: { ...actor, via: 'sync' }, bank: opts }),
    count: (sql, ...params) => db.prepare(sql).pluck().get(...params) as number,
    close: () => {
      db.close();
      tmp.cleanup();
    },
  };
}

const DEBTOR_CONFIRMATIONS = ['CN-ID', 'CN-RPC', 'CN-R1'];

/**
 * Records real outcomes on the first `n` cases of the client (each in its own transaction with its outbox rows):
 * unanswered calls, promises to pay, plan requests, and a lead's decision on every other plan.
 */
export function recordOutcomes(a: Agency, n: number, offset = 0): void {
  const cases = a.db.prepare(`SELECT case_no, (SELECT mobile FROM debtors d WHERE d.id = c.debtor_id) AS mobile FROM cases c WHERE client_id = ? AND status NOT IN ('recalled', 'paid') ORDER BY case_no LIMIT ? OFFSET ?`).all(a.client.id, n, offset) as { case_no: string; mobile: string }[];
  cases.forEach((c, i) => {
    const at = new Date(Date.parse('2026-11-24T02:00:00.000Z') + i * 1000);
    const base = { clientCode: a.client.code, caseNo: c.case_no, channel: 'call' as const, party: 'debtor' as const, phone: c.mobile, at };
    if (i % 3 === 1) {
      recordActivity(a.db, a.actor, { ...base, resultCode: 'PTP', confirmations: DEBTOR_CONFIRMATIONS, promise: { amountFen: 10_000, dueDate: '2026-11-30' } });
    } else if (i % 3 === 2) {
      const r = recordActivity(a.db, a.actor, {
        ...base,
        resultCode: 'HARDSHIP',
        confirmations: DEBTOR_CONFIRMATIONS,
        plan: { kind: 'installment', schedule: [{ dueDate: '2026-12-15', amountFen: 20_000 }, { dueDate: '2027-01-15', amountFen: 20_000 }], waiverFen: 0 },
      });
      if (r.planId && i % 2 === 0) decidePlan(a.db, a.actor, r.planId, true, '同意分期', new Date().toISOString());
    } else {
      recordActivity(a.db, a.actor, { ...base, resultCode: 'NO_ANSWER', confirmations: [] });
    }
  });
}

/** What the agency recorded for the client, to compare with what the bank holds. */
export function recorded(a: Agency): { activities: number; promises: number; plans: number; items: number } {
  const where = 'JOIN cases c ON c.id = x.case_id WHERE c.client_id = ?';
  return {
    activities: a.count(`SELECT count(*) FROM activities x ${where}`, a.client.id),
    promises: a.count(`SELECT count(*) FROM promises x ${where}`, a.client.id),
    plans: a.count(`SELECT count(*) FROM plans x ${where}`, a.client.id),
    items: a.count('SELECT count(*) FROM outbox WHERE client_id = ?', a.client.id),
  };
}

/** The same bank files imported as files into another database: what a pull must reproduce. */
export async function importedAsFiles(code: 'bank-a' | 'bank-b', files: readonly { kind: 'placement' | 'payment' | 'recall'; file: string }[]): Promise<Record<string, unknown[]>> {
  const other = await startAgency('http://127.0.0.1:9/v1', {}, code);
  try {
    for (const f of files) {
      const kind = f.kind === 'placement' ? 'placement' : f.kind === 'payment' ? 'payments' : 'recalls';
      await importFile(other.db, { clientCode: code, kind, file: f.file, actor: other.actor, now: new Date().toISOString() });
      if (kind === 'payments') settlePromises(other.db, agencyDay(new Date()), new Date().toISOString());
    }
    return storeSnapshot(other.db, code);
  } finally {
    other.close();
  }
}

