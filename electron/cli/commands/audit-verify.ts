import { verifyAudit } from '../../core/audit/audit';
import type { Command } from '../command';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv } from '../session';

export const auditVerifyCommand: Command = {
  words: ['audit', 'verify'],
  usage: 'audit verify [--data DIR] [--json]',
  summary: 'check the audit hash chain; exit 1 naming the first broken row',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, {});
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const check = verifyAudit(db);
      if (check.intact) {
        out.result({ ...check }, `The audit chain is intact (${check.events} events).`);
      } else {
        out.failure(
          { code: 'conflict', message: `The audit chain is broken at row ${check.firstBrokenSeq}: ${check.reason}.`, details: { firstBrokenSeq: check.firstBrokenSeq } },
          { intact: false, events: check.events, firstBrokenSeq: check.firstBrokenSeq },
        );
      }
    } finally {
      db.close();
    }
  },
};
