import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addClient } from '../clients/clients';
import { BANK_A_HEADER, bankALines, generateCases, writeBankACsv } from '../../../test/helpers/bank-files';
import { fixture, shippedProfile } from '../../../test/helpers/fixtures';
import { useImportStore } from '../../../test/helpers/import';
import { importFile, type ImportSummary } from './import-file';
import type { WorkerEntry } from './worker-source';

/** The worker's TypeScript source, run with tsx's loader (what worker-entry.ts gives a program run from the sources). */
const WORKER: WorkerEntry = { url: new URL('./placement-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };

/** What a client holds after an import, without the ids and times that differ between two imports. */
function holdings(db: ReturnType<typeof useImportStore>['env']['db'], clientCode: string): unknown[] {
  return db
    .prepare(
      `SELECT c.case_no, c.placed_amount_fen, c.balance_fen, c.overdue_days, c.stage, c.status, d.name, d.id_number, d.gender, d.birth_date, d.mobile,
              (SELECT group_concat(p.relation || ':' || coalesce(p.name, '') || ':' || p.phone, ';') FROM contact_persons p WHERE p.debtor_id = d.id) AS contacts
       FROM cases c JOIN debtors d ON d.id = c.debtor_id JOIN clients k ON k.id = c.client_id WHERE k.code = ? ORDER BY c.case_no`,
    )
    .all(clientCode);
}

const comparable = ({ batchId: _b, importId: _i, client: _c, ...rest }: ImportSummary) => rest;

describe('a placement read on a worker thread', () => {
  const ctx = useImportStore(async (env) => {
    addClient(env.db, env.actor, shippedProfile('bank-a', 'bank-a2'), env.now);
  });

  const both = async (file: string): Promise<[ImportSummary, ImportSummary]> => {
    const { env } = ctx;
    const onWorker = await importFile(env.db, { kind: 'placement', clientCode: 'bank-a', file, actor: env.actor, now: env.now, worker: WORKER });
    const here = await importFile(env.db, { kind: 'placement', clientCode: 'bank-a2', file, actor: env.actor, now: env.now });
    return [onWorker, here];
  };

  it('imports exactly what the importing thread imports: rows, rejects and records', async () => {
    const { env } = ctx;
    for (const file of [fixture('bank-a', 'placement-2026-11.csv'), fixture('bad', 'mixed-rows.csv')]) {
      const [onWorker, here] = await both(file);
      expect(comparable(onWorker)).toEqual(comparable(here));
    }
    // Many batches, so that the reader has to wait for the writes (it runs at most a few batches ahead).
    const big = join(ctx.dir, 'placement-big.csv');
    writeBankACsv(big, generateCases(6500, { prefix: 'W' }));
    const [onWorker, here] = await both(big);
    expect(onWorker).toMatchObject({ rows: 6500, inserted: 6500, rejected: [] });
    expect(comparable(onWorker)).toEqual(comparable(here));
    const held = holdings(env.db, 'bank-a');
    expect(held).toHaveLength(200 + 18 + 6500);
    expect(held).toEqual(holdings(env.db, 'bank-a2'));
  });

  it('refuses a file whose fault the worker finds, with the same error, and writes nothing', async () => {
    const { env } = ctx;
    const run = (file: string, worker?: WorkerEntry) => importFile(env.db, { kind: 'placement', clientCode: 'bank-a', file, actor: env.actor, now: env.now, worker });
    const missing = fixture('bad', 'missing-column.csv');
    const error = await run(missing).catch((e: unknown) => e);
    await expect(run(missing, WORKER)).rejects.toEqual(error);
    await expect(run(missing, WORKER)).rejects.toMatchObject({ code: 'unreadable_file', details: { missingColumns: expect.any(Array) } });
    // A fault past the header, after the first megabyte the encoding is told from: a UTF-8 file whose later bytes are not UTF-8.
    const broken = join(ctx.dir, 'broken.csv');
    const text = `${[BANK_A_HEADER, ...bankALines(generateCases(6000, { prefix: 'X' }))].join('\r\n')}\r\n`;
    writeFileSync(broken, Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xff, 0xfe, 0x2c, 0x0d, 0x0a])]));
    expect(Buffer.byteLength(text)).toBeGreaterThan(1 << 20);
    const fault = await run(broken).catch((e: unknown) => e);
    expect(fault).toMatchObject({ code: 'unreadable_file', message: expect.stringMatching(/broken\.csv: is not valid/) });
    await expect(run(broken, WORKER)).rejects.toEqual(fault);
    expect(env.count('cases')).toBe(0);
    expect(env.count('import_files')).toBe(0);
  });

  it('reads the file on the importing thread when the worker cannot start (its script missing)', async () => {
    const { env } = ctx;
    const missing: WorkerEntry = { url: new URL('./no-such-worker.mjs', import.meta.url) };
    const s = await importFile(env.db, { kind: 'placement', clientCode: 'bank-a', file: fixture('bank-a', 'placement-2026-11.csv'), actor: env.actor, now: env.now, worker: missing });
    expect(s).toMatchObject({ rows: 200, inserted: 200, rejected: [] });
  });
});
