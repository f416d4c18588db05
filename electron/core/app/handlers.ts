import type { MethodName, MethodOutput, ParsedInput } from '../../../shared/contract/methods';
import { verifyAudit } from '../audit/verify';
import { dbFile } from '../db/paths';
import { setDisabled, createUser, getUser, listUsers, setPassword } from '../auth/users';
import { verifyPassword } from '../auth/passwords';
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

type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: HandlerContext, app: CoreApp) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

const done = { done: true } as const;

/** One handler per contract method; the compiler refuses a missing or extra one. */
export const handlers: Handlers = {
  'app.status': (_i, _c, app) => app.status(),
  'app.setup': (i, _c, app) => app.setup(i),
  'app.setupDemo': async (i, _c, app) => {
    const { cases, ...setup } = i;
    return app.setupWithDemo(setup, cases);
  },
  'app.restore': (i, _c, app) => app.restoreFirstRun(i.fileRef, i.passphrase),
  'app.unlock': (i, _c, app) => app.unlock({ passphrase: i.passphrase }),
  'app.lock': (i, _c, app) => (i.idle ? app.lockForIdle() : app.lock()),

  'prefs.get': (_i, _c, app) => app.prefs.get(),
  'prefs.set': (i, _c, app) => app.prefs.set(i),

  'auth.signIn': (i, _c, app) => app.signIn(i.name, i.password),
  'auth.signOut': (_i, _c, app) => {
    app.signOut();
    return done;
  },
  'auth.changePassword': async (i, ctx) => {
    const db = requireDb(ctx);
    const actor = requireActor(ctx);
    if (!(await verifyPassword(i.currentPassword, getUser(db, actor.id).password_hash))) {
      throw new CoreError('bad_credentials', 'The current password is wrong.', { field: 'currentPassword' });
    }
    await setPassword(db, actor, actor.id, i.newPassword, isoNow(ctx.clock));
    return done;
  },

  'users.list': (_i, ctx) => listUsers(requireDb(ctx)),
  'users.add': (i, ctx) => createUser(requireDb(ctx), requireActor(ctx), i, isoNow(ctx.clock)),
  'users.resetPassword': async (i, ctx) => {
    await setPassword(requireDb(ctx), requireActor(ctx), i.userId, i.newPassword, isoNow(ctx.clock));
    return done;
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
};
