import { afterEach, beforeEach } from 'vitest';
import type { ImportKind } from '../../shared/profile/schema';
import type { Actor } from '../../electron/core/auth/actor';
import type { Clock } from '../../electron/core/clock';
import { addClient } from '../../electron/core/clients/clients';
import { importFile, type ImportSummary } from '../../electron/core/import/import-file';
import { setupApp, value } from './core';
import { shippedProfile } from './fixtures';
import { makeTempDir } from './temp-dir';

/** A database with both shipped clients registered, and a way to import as its admin. */
export async function setupWithClients(clock?: Clock) {
  const env = await setupApp(clock);
  const admin = value(await env.app.dispatch('app.status', {})).user!;
  const actor: Actor = { id: admin.id, role: 'admin', via: 'cli' };
  const now = '2026-11-23T02:00:00.000Z';
  addClient(env.db, actor, shippedProfile('bank-a'), now);
  addClient(env.db, actor, shippedProfile('bank-b'), now);
  const run = (kind: ImportKind, clientCode: string, file: string, extra: { batchNo?: string; hand?: number } = {}): Promise<ImportSummary> =>
    importFile(env.db, { kind, clientCode, file, actor, now, ...extra });
  const count = (table: string): number => (env.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { ...env, actor, now, run, count };
}

export type ImportStore = Awaited<ReturnType<typeof setupWithClients>>;

/**
 * For a describe block: before each test a fresh store with both shipped clients (then `prepare`, if given) and an
 * empty temp folder, both removed after it. Read them from the returned object inside the tests.
 */
export function useImportStore(prepare?: (env: ImportStore) => Promise<void>): { env: ImportStore; dir: string } {
  const ctx = {} as { env: ImportStore; dir: string; cleanup: () => void };
  beforeEach(async () => {
    ctx.env = await setupWithClients();
    const tmp = makeTempDir();
    ctx.dir = tmp.dir;
    ctx.cleanup = tmp.cleanup;
    await prepare?.(ctx.env);
  });
  afterEach(() => {
    ctx.env.cleanup();
    ctx.cleanup();
  });
  return ctx;
}
