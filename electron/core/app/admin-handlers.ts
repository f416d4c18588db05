import { listAudit } from '../audit/audit-list';
import { backupsDir, createBackup, listBackups } from '../backup/backup';
import { backupPath } from '../backup/names';
import { agencyDay, isoNow } from '../clock';
import { purgeExpired } from '../retention/purge';
import type { Handlers } from './handlers';
import { requireActor, requireDb } from './context';

type AdminHandlers = Pick<Handlers, 'audit.list' | 'backup.create' | 'backup.list' | 'backup.restore' | 'retention.purge'>;

export const adminHandlers: AdminHandlers = {
  'audit.list': (i, ctx) => listAudit(requireDb(ctx), i),
  'backup.create': async (_i, ctx, app) => {
    const now = ctx.clock.now();
    return createBackup(requireDb(ctx), requireActor(ctx), backupPath(backupsDir(app.dataDir), now), now.toISOString());
  },
  'backup.list': (_i, _ctx, app) => listBackups(app.dataDir),
  'backup.restore': (i, ctx, app) => app.restoreFromBackup(i.name, i.passphrase, ctx.session),
  'retention.purge': (i, ctx) => purgeExpired(requireDb(ctx), requireActor(ctx), agencyDay(ctx.clock.now()), isoNow(ctx.clock), { expectCases: i.expectCases }),
};
