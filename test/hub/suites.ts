import { afterAll, describe } from 'vitest';
import { cleanupTemp, type StoreKind } from './harness';
import { dropSchemas, pgSkipReason } from './pg';

const pgSkip = await pgSkipReason();

/** Runs one suite against both stores; the PostgreSQL one skips, saying why, where no server answers (not under CI). */
export function bothStores(name: string, suite: (kind: StoreKind) => void): void {
  for (const kind of ['sqlite', 'postgres'] as const) {
    const skip = kind === 'postgres' ? pgSkip : null;
    describe.skipIf(skip !== null)(`${name} — ${kind} store${skip ? ` (skipped: ${skip})` : ''}`, () => suite(kind));
  }
  afterAll(async () => {
    await dropSchemas();
    cleanupTemp();
  });
}

export function postgresOnly(name: string, suite: () => void): void {
  describe.skipIf(pgSkip !== null)(`${name}${pgSkip ? ` (skipped: ${pgSkip})` : ''}`, suite);
  afterAll(async () => {
    await dropSchemas();
    cleanupTemp();
  });
}
