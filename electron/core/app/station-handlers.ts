import { getUser } from '../auth/users';
import { isoNow } from '../clock';
import { CoreError } from '../errors';
import { requireStation } from '../hub/station-state';
import { stationEntries, stationEntry, syncOverview, thisStation } from '../hub/station-views';
import { connectAsAdmin, enrollStation, revokeStation } from '../hub/trust';
import type { Handlers } from './handlers';
import { requireActor, requireDb } from './context';

type StationHandlers = Pick<Handlers, 'hub.connect' | 'hub.join' | 'station.self' | 'station.enroll' | 'station.list' | 'station.revoke' | 'station.syncOverview'>;

/** Admin → Stations, first run's join, and the lead's station sync view: the same core functions as the command line. */
export const stationHandlers: StationHandlers = {
  'hub.connect': async (i, ctx, app) => {
    const db = requireDb(ctx);
    await connectAsAdmin(db, requireActor(ctx), { hubUrl: i.hubUrl, fingerprint: i.fingerprint, setupCode: i.setupCode, stationName: i.stationName }, isoNow(ctx.clock));
    // The background loop takes it from here: the first round uploads this store.
    app.hub.nudge();
    return thisStation(db);
  },
  'hub.join': (i, _ctx, app) => app.joinFirstRun(i),
  'station.self': (_i, ctx) => thisStation(requireDb(ctx)),
  'station.enroll': async (i, ctx, app) => {
    const db = requireDb(ctx);
    const names = i.userIds.map((id) => getUser(db, id).name);
    const issued = await enrollStation(db, requireActor(ctx), { userNames: names, replica: i.replica }, isoNow(ctx.clock));
    // The enrolled users' accounts (and, on a first round, this store) go to the hub now, so the new station can
    // sign them in as soon as it joins. A failure here leaves them for the next round; the code stands.
    await app.hub.syncNow().catch((err: unknown) => app.reportError('station.enroll', err));
    return { code: issued.code, expiresAt: issued.expiresAt };
  },
  'station.list': (_i, ctx) => stationEntries(requireDb(ctx)),
  'station.revoke': async (i, ctx) => {
    const db = requireDb(ctx);
    if (requireStation(db).station_id === i.stationId) throw new CoreError('invalid_input', 'This computer cannot revoke itself: revoke it from another administrator’s station.', { field: 'stationId' });
    const view = await revokeStation(db, requireActor(ctx), i.stationId, isoNow(ctx.clock));
    return stationEntry(db, view);
  },
  'station.syncOverview': (_i, ctx) => syncOverview(requireDb(ctx), requireActor(ctx), isoNow(ctx.clock)),
};
