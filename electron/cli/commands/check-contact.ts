import { checkContact } from '../../core/contact/check-contact';
import type { Command } from '../command';
import { CONTACT_OPTIONS, contactRequest } from '../contact-args';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv, resolveActor } from '../session';

export const checkContactCommand: Command = {
  words: ['check-contact'],
  usage: 'check-contact --client CODE --case CASE_NO --channel call|sms|visit --party debtor|related|third --phone PHONE --at INSTANT [--as USER] [--json]',
  summary: 'ask the compliance engine whether this contact may be made at that moment',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, CONTACT_OPTIONS);
    const req = contactRequest(values, 'check-contact');
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const e = checkContact(db, resolveActor(db, values.as), req);
      const lines = [e.allowed ? 'Allowed.' : 'Not allowed.', ...e.verdicts.map((v) => `  ${v.kind.toUpperCase()} ${v.rule}: ${v.message}`)];
      out.result({ allowed: e.allowed, verdicts: e.verdicts }, lines.join('\n'));
    } finally {
      db.close();
    }
  },
};
