import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/contract/methods';
import { verifyAudit } from '../audit/verify';
import { dbFile } from '../db/paths';
import { setDisabled, createUser, listUsers, setPassword, updateUser } from '../auth/users';
import { changeOwnPassword } from '../auth/sign-in';
import { listCases } from '../cases/list-cases';
import { isoNow } from '../clock';
import { CoreError } from '../errors';
import type { CoreApp } from './core-app';
import { requireActor, requireDb, type HandlerContext } from './context';
import { intakeHandlers } from './intake-handlers';
import { workbenchHandlers } from './workbench-handlers';
import { leadHandlers } from './lead-handlers';
import { adminHandlers } from './admin-handlers';
import { returnsHandlers } from './returns-handlers';
import { syncHandlers } from './sync-handlers';
import { reviewHandlers } from './review-handlers';
import { hubHandlers } from './hub-handlers';
import { stationHandlers } from './station-handlers';
import { bankHandlers } from './bank-handlers';
import { backupScheduleHandlers } from './backup-schedule-handlers';

type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: HandlerContext, app: CoreApp) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

const done = { done: true } as const;

/** One handler per contract method; the compiler refuses a missing or extra one. */
export const handlers: Handlers = {
  'app.status': (_i, ctx, app) => app.status(ctx.session),
  'app.setup': (i, ctx, app) => app.setup(i, ctx.session),
  'app.setupDemo': async (i, ctx, app) => {
    const { cases, ...setup } = i;
    return app.setupWithDemo(setup, cases, ctx.session);
  },
  'app.restore': (i, _c, app) => app.restoreFirstRun(i.fileRef, i.passphrase),
  'app.unlock': async (i, ctx, app) => {
    await app.unlock({ passphrase: i.passphrase });
    return app.status(ctx.session);
  },
  'app.lock': (i, ctx, app) => (i.idle ? app.endIdleSession(ctx.session) : app.lock()),

  'prefs.get': (_i, _c, app) => app.prefs.get(),
  'prefs.set': (i, ctx, app) => {
    // Language and theme may be chosen before sign-in; the idle lock guards every signed-in session of the
    // workstation, so only an admin may change it (not a collector, nor anyone who merely holds the browser-mode token).
    if (i.idleLockMinutes !== undefined && requireActor(ctx).role !== 'admin') {
      throw new CoreError('forbidden', 'Only an admin may change the idle lock of this workstation.', { field: 'idleLockMinutes' });
    }
    return app.prefs.set(i);
  },

  'auth.signIn': (i, ctx, app) => app.signIn(i.name, i.password, ctx.session),
  'auth.signOut': (_i, ctx, app) => {
    app.signOut(ctx.session);
    return done;
  },
  'auth.changePassword': async (i, ctx, app) => {
    const actor = requireActor(ctx);
    await changeOwnPassword(requireDb(ctx), actor, i.currentPassword, i.newPassword, ctx.clock.now());
    app.endSessionsOf(actor.id, ctx.session);
    return done;
  },

  'users.list': (_i, ctx) => listUsers(requireDb(ctx)),
  'users.add': (i, ctx) => createUser(requireDb(ctx), requireActor(ctx), i, isoNow(ctx.clock)),
  'users.resetPassword': async (i, ctx, app) => {
    await setPassword(requireDb(ctx), requireActor(ctx), i.userId, i.newPassword, isoNow(ctx.clock));
    app.endSessionsOf(i.userId, ctx.session);
    return done;
  },
  'users.update': (i, ctx) => {
    const { userId, ...changes } = i;
    return updateUser(requireDb(ctx), requireActor(ctx), userId, changes, isoNow(ctx.clock));
  },
  'users.setDisabled': (i, ctx) => setDisabled(requireDb(ctx), requireActor(ctx), i.userId, i.disabled, isoNow(ctx.clock)),

  'cases.list': (i, ctx) => listCases(requireDb(ctx), requireActor(ctx), i, ctx.clock.now()),

  'audit.verify': (_i, ctx, app) => verifyAudit(requireDb(ctx), { databaseFile: dbFile(app.dataDir) }),

  ...intakeHandlers,
  ...workbenchHandlers,
  ...leadHandlers,
  ...adminHandlers,
  ...returnsHandlers,
  ...syncHandlers,
  ...reviewHandlers,
  ...hubHandlers,
  ...stationHandlers,
  ...bankHandlers,
  ...backupScheduleHandlers,
};
