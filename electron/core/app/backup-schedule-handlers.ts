import { scheduleState, setSchedule } from '../backup/schedule';
import { agencyDay, isoNow } from '../clock';
import { previewPurge } from '../retention/purge';
import type { Handlers } from './handlers';
import { requireActor, requireDb } from './context';

type BackupScheduleHandlers = Pick<Handlers, 'backup.schedule' | 'backup.setSchedule' | 'retention.preview'>;

export const backupScheduleHandlers: BackupScheduleHandlers = {
  'backup.schedule': (_i, ctx, app) => scheduleState(requireDb(ctx), app.dataDir, ctx.clock.now()),
  'backup.setSchedule': (i, ctx, app) => {
    const db = requireDb(ctx);
    setSchedule(db, requireActor(ctx), i.schedule, isoNow(ctx.clock));
    return scheduleState(db, app.dataDir, ctx.clock.now());
  },
  'retention.preview': (_i, ctx) => previewPurge(requireDb(ctx), requireActor(ctx), agencyDay(ctx.clock.now())),
};
