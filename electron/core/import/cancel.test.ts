import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { BANK_A_HEADER, generateCases, writeBankACsv } from '../../../test/helpers/bank-files';
import { value } from '../../../test/helpers/core';
import { setupWithClients } from '../../../test/helpers/import';
import type { ImportJobStatus } from './jobs';
import { resolveStaged } from './staging';

describe('cancelling an import or a preview from the UI', () => {
  let env: Awaited<ReturnType<typeof setupWithClients>>;
  beforeEach(async () => (env = await setupWithClients()));
  afterEach(() => env.cleanup());

  const stage = async (file: string) => env.app.stageUpload(file.split('/').pop() ?? 'file', createReadStream(file));
  const status = async (jobId: string): Promise<ImportJobStatus> => value(await env.app.dispatch('import.status', { jobId })) as ImportJobStatus;
  async function until(jobId: string, done: (s: ImportJobStatus) => boolean): Promise<ImportJobStatus> {
    for (let i = 0; i < 6000; i++) {
      const s = await status(jobId);
      if (done(s)) return s;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('the import never got there');
  }

  it('stops an import mid-way: the job ends cancelled and nothing of it is written', async () => {
    const file = join(env.dataDir, 'placement-100k.csv');
    writeBankACsv(file, generateCases(100_000));
    const staged = await stage(file);
    const { jobId } = value(await env.app.dispatch('import.start', { clientCode: 'bank-a', kind: 'placement', fileRef: staged.fileRef }));
    // Inside its transaction: rows read and written, not committed.
    const during = await until(jobId, (s) => s.rows > 0 || s.state !== 'running');
    expect(during).toMatchObject({ state: 'running' });
    expect(during.rows).toBeLessThan(100_000);

    expect(value(await env.app.dispatch('import.cancel', { jobId }))).toEqual({ cancelled: true });
    const ended = await until(jobId, (s) => s.state !== 'running');
    expect(ended).toMatchObject({ state: 'cancelled', summary: null, error: { code: 'cancelled', message: 'Cancelled at the user’s request. Nothing was imported.' } });
    expect(ended.finishedAt).not.toBeNull();
    expect([env.count('cases'), env.count('debtors'), env.count('batches'), env.count('import_files'), env.count('import_rejects')]).toEqual([0, 0, 0, 0, 0]);
    expect(env.db.prepare("SELECT count(*) FROM audit_events WHERE action LIKE 'import.%'").pluck().get()).toBe(0);
    expect(() => resolveStaged(env.dataDir, staged.fileRef)).toThrow(/no longer available/);
    // Ended: a second cancel finds nothing running; another import may start.
    expect(value(await env.app.dispatch('import.cancel', { jobId }))).toEqual({ cancelled: false });
    expect(env.app.imports.running).toBe(false);
  }, 120_000);

  it('stops a preview still reading its file: the call answers cancelled, and the staged file stays for another try', async () => {
    // The first data row comes after millions of blank lines: the preview reads for seconds before it has one.
    const file = join(env.dataDir, 'late-rows.csv');
    writeFileSync(file, Buffer.concat([iconv.encode(`${BANK_A_HEADER}\r\n`, 'gbk'), Buffer.alloc(40 << 20, '\n')]));
    const staged = await stage(file);
    const preview = env.app.dispatch('import.preview', { clientCode: 'bank-a', kind: 'placement', fileRef: staged.fileRef });
    let cancelled = false;
    for (let i = 0; i < 2000 && !cancelled; i++) {
      cancelled = value(await env.app.dispatch('import.cancel', { fileRef: staged.fileRef })).cancelled;
      if (!cancelled) await new Promise((r) => setTimeout(r, 5));
    }
    expect(cancelled).toBe(true);
    expect(await preview).toEqual({ ok: false, error: { code: 'cancelled', message: 'Cancelled at the user’s request. Nothing was imported.' } });
    expect(existsSync(resolveStaged(env.dataDir, staged.fileRef))).toBe(true);
    expect(value(await env.app.dispatch('import.cancel', { fileRef: staged.fileRef }))).toEqual({ cancelled: false });
  }, 60_000);

  it('takes a job or a staged file, not both', async () => {
    const both = await env.app.dispatch('import.cancel', { jobId: 'import-1', fileRef: 'x' } as never);
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await env.app.dispatch('import.cancel', { jobId: 'import-404' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
