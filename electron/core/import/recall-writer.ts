import { uuidv7 } from '../../../shared/domain/ids';
import type { Db } from '../db/open';
import { stationOf, type StationRow } from '../hub/station-state';
import { recordChange } from '../hub/write-path';
import { UnknownCases } from './unknown-case';

export interface RecallRecord {
  caseNo: string;
  recalledAt: string;
  reason: string | null;
}

/** Freezes recalled cases: status `recalled` (no contact possible), kept for the returns file (with the batch it ended) until purged. */
export class RecallWriter {
  private readonly s;
  private readonly t: number;
  private readonly unknown: UnknownCases;
  /** the agency hub station this store is, if any: the recall and the frozen case go out as changes */
  private readonly station: StationRow | null;

  constructor(
    private readonly db: Db,
    private readonly clientId: string,
    private readonly importId: string,
    private readonly actorId: string,
    private readonly now: string,
  ) {
    this.t = Date.parse(now);
    this.unknown = new UnknownCases(db, clientId);
    this.station = stationOf(db);
    this.s = {
      findCase: db.prepare('SELECT id, status, batch_id FROM cases WHERE client_id = ? AND case_no = ?'),
      insert: db.prepare(
        `INSERT INTO recalls (id, client_id, case_id, batch_id, recalled_at, reason, import_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      freeze: db.prepare(`UPDATE cases SET status = 'recalled', next_action_at = NULL, updated_at = ? WHERE id = ?`),
    };
  }

  write(r: RecallRecord): 'inserted' | 'unchanged' {
    const c = this.s.findCase.get(this.clientId, r.caseNo) as { id: string; status: string; batch_id: string } | undefined;
    if (!c) throw this.unknown.reject(r.caseNo);
    if (c.status === 'recalled') return 'unchanged';
    const id = uuidv7(this.t);
    this.s.insert.run(id, this.clientId, c.id, c.batch_id, r.recalledAt, r.reason, this.importId, this.now, this.actorId);
    this.s.freeze.run(this.now, c.id);
    if (this.station) {
      const by = { userId: this.actorId, now: this.now };
      recordChange(this.db, { entity: 'recall', id, ...by }, this.station);
      recordChange(this.db, { entity: 'case', id: c.id, fields: ['status', 'next_action_at', 'updated_at'], ...by }, this.station);
    }
    return 'inserted';
  }
}
