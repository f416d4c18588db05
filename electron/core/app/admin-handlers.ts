import { join } from 'node:path';
import { listAudit } from '../audit/audit-list';
import { backupsDir, createBackup, listBackups } from '../backup/backup';
import { agencyDay, isoNow } from '../clock';
import { purgeExpired } from '../retention/purge';
import type { Handlers } from './handlers';
import { requireActor, requireDb } from './context';

type AdminHandlers = Pick<Handlers, 'audit.list' | 'backup.create' | 'backup.list' | 'backup.restore' | 'retention.purge'>;

export const adminHandlers: AdminHandlers = {
  'audit.list': (i, ctx) => listAudit(requireDb(ctx), i),
  'backup.create': async (_i, ctx, app) => {
    const stamp = isoNow(ctx.clock).replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    return createBackup(requireDb(ctx), requireActor(ctx), join(backupsDir(app.dataDir), `collectdesk-${stamp}.cdbackup`), isoNow(ctx.clock));
  },
  'backup.list': (_i, _ctx, app) => listBackups(app.dataDir),
  'backup.restore': (i, ctx, app) => app.restoreFromBackup(i.name, i.passphrase, ctx.session),
  'retention.purge': (_i, ctx) => purgeExpired(requireDb(ctx), requireActor(ctx), agencyDay(ctx.clock.now()), isoNow(ctx.clock)),
};
