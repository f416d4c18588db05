import { describe, expect, it } from 'vitest';
import { CoreError, storeFault, toApiError } from './errors';

const failure = (code: string): Error => Object.assign(new Error(`failed: ${code}`), { code });

describe('the store’s and the disk’s own faults, in words a user understands', () => {
  it('another writer holding the lock is `busy`: an import is writing, try again in a moment', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']) {
      expect(toApiError(failure(code))).toMatchObject({ code: 'busy', message: expect.stringMatching(/import.*writing.*try again in a moment/i) });
    }
  });

  it('a page that cannot be read is `damaged`, saying nothing was changed', () => {
    for (const code of ['SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_NOTADB']) {
      expect(toApiError(failure(code))).toMatchObject({ code: 'damaged', message: expect.stringMatching(/damaged.*Nothing was changed/) });
    }
    expect(storeFault(failure('SQLITE_CORRUPT'), 'The backup was not written.')?.message).toMatch(/damaged.*The backup was not written\./);
  });

  it('a write that does not fit — SQLite’s or the file system’s — is `disk_full`', () => {
    for (const code of ['SQLITE_FULL', 'ENOSPC', 'EDQUOT']) {
      expect(toApiError(failure(code))).toMatchObject({ code: 'disk_full', message: expect.stringMatching(/disk is full/) });
    }
    expect(storeFault(failure('ENOSPC'), 'Nothing was imported.')?.message).toMatch(/^The disk is full: Nothing was imported\./);
  });

  it('leaves a CoreError as it is, and anything else `internal` without its text', () => {
    expect(toApiError(new CoreError('conflict', 'taken'))).toEqual({ code: 'conflict', message: 'taken' });
    expect(toApiError(failure('SQLITE_CONSTRAINT_UNIQUE'))).toMatchObject({ code: 'internal', message: expect.not.stringContaining('SQLITE') });
    expect(toApiError(new Error('boom'))).toMatchObject({ code: 'internal' });
  });
});
