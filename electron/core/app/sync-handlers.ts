import { syncStatus } from '../sync/status';
import type { Handlers } from './handlers';
import { requireActor, requireDb } from './context';

type SyncHandlers = Pick<Handlers, 'sync.status' | 'sync.now'>;

/** Bank sync: the state of each client, and a round on demand (queued behind a running round of that client). */
export const syncHandlers: SyncHandlers = {
  'sync.status': (i, ctx, app) => syncStatus(requireDb(ctx), i.clientCode, (code) => app.sync.isRunning(code)),
  'sync.now': (i, ctx, app) => {
    const actor = requireActor(ctx);
    return app.sync.runNow(i.clientCode, { ...actor, via: 'sync' });
  },
};
