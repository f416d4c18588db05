import type { Handlers } from './handlers';
import { requireDb } from './context';
import { CoreError } from '../errors';

type HubHandlers = Pick<Handlers, 'hub.status' | 'hub.syncNow'>;

/** The agency hub's background sync as every screen shows it, and a round on demand (any signed-in user). */
export const hubHandlers: HubHandlers = {
  'hub.status': (_i, ctx, app) => app.hub.status(requireDb(ctx)),
  'hub.syncNow': async (_i, ctx, app) => {
    requireDb(ctx);
    await app.hub.syncNow();
    const db = app.database;
    if (!db) throw new CoreError('locked', 'The database is locked. Enter the passphrase to open it.');
    return app.hub.status(db);
  },
};
