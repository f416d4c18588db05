import { verifyAudit } from '../../core/audit/verify';
import { dbFile } from '../../core/db/paths';
import type { Command } from '../command';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv } from '../session';

export const auditVerifyCommand: Command = {
  words: ['audit', 'verify'],
  usage: 'audit verify [--data DIR] [--json]',
  summary: 'check the audit hash chain; exit 1 naming the first broken row',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, {});
    const dataDir = dataDirFrom(values.data, env);
    const db = await openFromEnv(dataDir, env);
    try {
      const check = verifyAudit(db, { databaseFile: dbFile(dataDir) });
      if (check.intact) {
        const against = check.anchors.length ? `, checked against ${check.anchors.length} anchor(s)` : '';
        out.result({ ...check }, `The audit chain is intact (${check.events} events${against}).`);
      } else {
        out.failure(
          { code: 'conflict', message: `The audit chain is broken at row ${check.firstBrokenSeq}: ${check.reason}.`, details: { firstBrokenSeq: check.firstBrokenSeq } },
          { intact: false, events: check.events, firstBrokenSeq: check.firstBrokenSeq, anchors: check.anchors },
        );
      }
    } finally {
      db.close();
    }
  },
};
