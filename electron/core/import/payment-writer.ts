import { uuidv7 } from '../../../shared/domain/ids';
import type { Db } from '../db/open';
import { RowRejected } from './row-reader';
import { UnknownCases } from './unknown-case';

export interface PaymentRecord {
  caseNo: string;
  paidAt: string;
  amountFen: number;
  txnRef: string;
  channel: string | null;
}

/**
 * Records bank-confirmed payments, once per transaction reference (in this file and in every earlier one); each
 * lowers the case balance, and a case paid in full becomes `paid` (a recalled case stays recalled).
 */
export class PaymentWriter {
  private readonly s;
  private readonly seen = new Set<string>();
  private readonly t: number;
  private readonly unknown: UnknownCases;

  constructor(
    db: Db,
    private readonly clientId: string,
    private readonly importId: string,
    private readonly actorId: string,
    private readonly now: string,
  ) {
    this.t = Date.parse(now);
    this.unknown = new UnknownCases(db, clientId);
    this.s = {
      findCase: db.prepare('SELECT id, balance_fen, status, last_payment_at FROM cases WHERE client_id = ? AND case_no = ?'),
      txnExists: db.prepare('SELECT 1 FROM payments WHERE client_id = ? AND txn_ref = ?').pluck(),
      insert: db.prepare(
        `INSERT INTO payments (id, client_id, case_id, kind, txn_ref, amount_fen, paid_at, channel, import_id, created_at, created_by)
         VALUES (?, ?, ?, 'confirmed', ?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateCase: db.prepare(
        `UPDATE cases SET balance_fen = max(0, balance_fen - @amount),
           status = CASE WHEN balance_fen - @amount <= 0 AND status NOT IN ('recalled', 'closed') THEN 'paid' ELSE status END,
           last_payment_at = CASE WHEN last_payment_at IS NULL OR last_payment_at <= @paidAt THEN @paidAt ELSE last_payment_at END,
           last_payment_fen = CASE WHEN last_payment_at IS NULL OR last_payment_at <= @paidAt THEN @amount ELSE last_payment_fen END,
           updated_at = @now
         WHERE id = @id`,
      ),
    };
  }

  write(p: PaymentRecord): 'inserted' {
    const c = this.s.findCase.get(this.clientId, p.caseNo) as { id: string } | undefined;
    if (!c) throw this.unknown.reject(p.caseNo);
    if (this.seen.has(p.txnRef)) throw new RowRejected('txnRef', 'duplicate_txn', `${p.txnRef}, earlier in this file`);
    if (this.s.txnExists.get(this.clientId, p.txnRef)) throw new RowRejected('txnRef', 'duplicate_txn', `${p.txnRef}, by an earlier import`);
    this.seen.add(p.txnRef);
    this.s.insert.run(uuidv7(this.t), this.clientId, c.id, p.txnRef, p.amountFen, p.paidAt, p.channel, this.importId, this.now, this.actorId);
    this.s.updateCase.run({ id: c.id, amount: p.amountFen, paidAt: p.paidAt, now: this.now });
    return 'inserted';
  }
}
