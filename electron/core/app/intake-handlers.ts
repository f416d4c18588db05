import type { ImportKind } from '../../../shared/profile/schema';
import { getClient, listClients } from '../clients/clients';
import { withoutBusyWait } from '../db/busy';
import { isBusy } from '../errors';
import { importedAt, rehearseRows } from '../import/import-file';
import { previewImport, type Rehearse } from '../import/preview';
import { listBatches, listImports, listRejects } from '../import/queries';
import { discardStaged, resolveStaged } from '../import/staging';
import type { Handlers } from './handlers';
import { requireActor, requireDb } from './context';

const KINDS: ImportKind[] = ['placement', 'payments', 'recalls'];

type IntakeHandlers = Pick<Handlers, 'clients.list' | 'batches.list' | 'import.preview' | 'import.start' | 'import.status' | 'import.list' | 'import.rejects' | 'import.discard' | 'import.cancel'>;

export const intakeHandlers: IntakeHandlers = {
  'clients.list': (_i, ctx) => {
    const db = requireDb(ctx);
    return listClients(db).map((c) => {
      const { profile } = getClient(db, c.code);
      return { code: c.code, name: c.name, rulePack: profile.rulePack, timezone: profile.timezone, kinds: KINDS.filter((k) => profile[k] !== undefined) };
    });
  },
  'batches.list': (i, ctx) => listBatches(requireDb(ctx), i.clientCode),
  'import.preview': async (i, ctx, app) => {
    const db = requireDb(ctx);
    const actor = requireActor(ctx);
    // The rows are rehearsed on the app's connection; while an import (or a sync round) holds the store's write lock
    // they are not, and the preview shows what the rows alone tell.
    const rehearse: Rehearse | undefined = app.imports.running
      ? undefined
      : (rows) => {
          try {
            return withoutBusyWait(db, () => rehearseRows(db, { ...rows, clientCode: i.clientCode, kind: i.kind, actor, now: app.clock.now().toISOString() }));
          } catch (err) {
            if (isBusy(err)) return null;
            throw err;
          }
        };
    const client = getClient(db, i.clientCode);
    // import.cancel with this fileRef stops it.
    const preview = app.imports.beginPreview(i.fileRef);
    try {
      return await previewImport(client, i.kind, resolveStaged(app.dataDir, i.fileRef), {
        rehearse,
        now: app.clock.now().toISOString(),
        importedAt: (sha256) => importedAt(db, client.id, i.kind, sha256),
        signal: preview.signal,
      });
    } finally {
      preview.done();
    }
  },
  'import.start': (i, ctx, app) => {
    getClient(requireDb(ctx), i.clientCode);
    return app.imports.start({ ...i, actor: requireActor(ctx) });
  },
  'import.status': (i, _ctx, app) => app.imports.status(i.jobId),
  'import.list': (i, ctx) => listImports(requireDb(ctx), i.clientCode, i.limit),
  'import.rejects': (i, ctx) => listRejects(requireDb(ctx), i.importId),
  'import.discard': (i, _ctx, app) => {
    discardStaged(app.dataDir, i.fileRef);
    return { done: true };
  },
  'import.cancel': (i, _ctx, app) => ('jobId' in i ? app.imports.cancel(i.jobId) : app.imports.cancelPreview(i.fileRef)),
};
