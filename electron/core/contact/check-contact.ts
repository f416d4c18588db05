import { evaluate, type Evaluation } from '../../../shared/compliance/engine';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/open';
import { intentOf, loadContactContext, type ContactRequest } from './contact-context';

/** The pre-dial gate: may this contact be made at `at`? Every verdict, with the rule and when it is next allowed. */
export function checkContact(db: Db, actor: Actor, req: ContactRequest): Evaluation {
  const ctx = loadContactContext(db, actor, req);
  return evaluate(ctx.pack, { ...ctx.input, intent: intentOf(req) });
}
