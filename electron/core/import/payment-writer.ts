import { uuidv7 } from '../../../shared/domain/ids';
import { formatFen } from '../../../shared/domain/money';
import type { Db } from '../db/open';
import { BANK_FIELDS } from '../hub/upload';
import { stationOf, type StationRow } from '../hub/station-state';
import { recordChange } from '../hub/write-path';
import { RowRejected } from './row-reader';
import { UnknownCases } from './unknown-case';
import { quoted } from './limits';

export interface PaymentRecord {
  caseNo: string;
  paidAt: string;
  amountFen: number;
  txnRef: string;
  channel: string | null;
  /** a reversal (negative amount): the reference of the payment it reverses, when the bank gives it */
  reverses: string | null;
  /** a change of the balance the bank made, no payment (a waiver, 减免): its transaction type; null for a payment */
  adjustment: string | null;
  /** a row of a type the profile ignores (扣款失败: no money moved): its transaction type; it changes nothing */
  ignored?: string;
}

interface HeldPayment {
  id: string;
  txn_ref: string | null;
  case_id: string;
  amount_fen: number;
  /** what it took off the balance (null: recorded before schema 11, the whole amount) */
  applied_fen: number | null;
  paid_at: string;
}

interface HeldCase {
  id: string;
  balance_fen: number;
}

/** What an amount takes off a case's balance: the balance stops at 0, so an overpayment takes off what was still owed. */
function takenOff(c: HeldCase, amountFen: number): number {
  return Math.min(amountFen, Math.max(0, c.balance_fen));
}

/**
 * Records bank-confirmed payments, once per transaction reference (in this file and in every earlier one); each
 * lowers the case balance, and a case paid in full becomes `paid` (a recalled case stays recalled).
 *
 * A negative amount is the bank's reversal (冲正) of a payment it confirmed before: the one the row's `reverses`
 * names, else the case's latest payment of that amount not after the reversal. The payment moves to
 * payment_reversals (no report counts it from then on, and the KPI tables give its amount back), the balance rises by
 * it again, and a case it had paid off is worked again. A reversal that finds no such payment is rejected.
 *
 * A row of one of the profile's `adjustmentTypes` (a waiver, 减免) lowers the balance without being a payment: it goes
 * to balance_adjustments, which no recovery count reads. Its reference is taken once, like a payment's.
 */
export class PaymentWriter {
  private readonly s;
  private readonly seen = new Set<string>();
  /** the reference of the payment the last row written reversed; null when it reversed none */
  reversed: string | null = null;
  private readonly t: number;
  private readonly unknown: UnknownCases;
  /** the agency hub station this store is, if any: each payment and each case it moves goes out as a change */
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
      findCase: db.prepare('SELECT id, balance_fen, status, last_payment_at FROM cases WHERE client_id = ? AND case_no = ?'),
      // A reference is taken once: by a payment, by a payment since reversed, or by a reversal.
      txnExists: db
        .prepare(
          `SELECT EXISTS (SELECT 1 FROM payments WHERE client_id = @c AND txn_ref = @ref) OR EXISTS (SELECT 1 FROM payment_reversals WHERE client_id = @c AND txn_ref = @ref)
             OR EXISTS (SELECT 1 FROM payment_reversals WHERE client_id = @c AND reversal_ref = @ref) OR EXISTS (SELECT 1 FROM balance_adjustments WHERE client_id = @c AND txn_ref = @ref)`,
        )
        .pluck(),
      paymentByRef: db.prepare(`SELECT id, txn_ref, case_id, amount_fen, applied_fen, paid_at FROM payments WHERE client_id = ? AND txn_ref = ? AND kind = 'confirmed'`),
      paymentByAmount: db.prepare(
        `SELECT id, txn_ref, case_id, amount_fen, applied_fen, paid_at FROM payments WHERE case_id = ? AND kind = 'confirmed' AND amount_fen = ? AND paid_at <= ? ORDER BY paid_at DESC, id DESC LIMIT 1`,
      ),
      reverse: db.prepare(
        `INSERT INTO payment_reversals (id, client_id, case_id, kind, txn_ref, amount_fen, applied_fen, paid_at, channel, import_id, created_at, created_by, reversal_ref, reversed_at, reversal_import_id, reversal_created_at)
         SELECT id, client_id, case_id, kind, txn_ref, amount_fen, applied_fen, paid_at, channel, import_id, created_at, created_by, @ref, @at, @importId, @now FROM payments WHERE id = @id`,
      ),
      remove: db.prepare('DELETE FROM payments WHERE id = ?'),
      // The balance rises by what the payment took off it; a case it had paid off is worked again; the case's last
      // payment is the latest one left, if the reversed one was it.
      restoreCase: db.prepare(
        `UPDATE cases SET balance_fen = balance_fen + @restored, status = CASE WHEN status = 'paid' AND balance_fen + @restored > 0 THEN 'working' ELSE status END,
           last_payment_fen = CASE WHEN last_payment_at = @paidAt AND last_payment_fen = @amount
             THEN (SELECT amount_fen FROM payments WHERE case_id = @id AND kind = 'confirmed' ORDER BY paid_at DESC LIMIT 1) ELSE last_payment_fen END,
           last_payment_at = CASE WHEN last_payment_at = @paidAt AND last_payment_fen = @amount
             THEN (SELECT max(paid_at) FROM payments WHERE case_id = @id AND kind = 'confirmed') ELSE last_payment_at END,
           updated_at = @now
         WHERE id = @id`,
      ),
      adjust: db.prepare(
        `INSERT INTO balance_adjustments (id, client_id, case_id, txn_ref, txn_type, amount_fen, applied_fen, adjusted_at, import_id, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      lowerBalance: db.prepare(
        `UPDATE cases SET balance_fen = max(0, balance_fen - @amount),
           status = CASE WHEN balance_fen - @amount <= 0 AND status NOT IN ('recalled', 'closed') THEN 'paid' ELSE status END, updated_at = @now
         WHERE id = @id`,
      ),
      insert: db.prepare(
        `INSERT INTO payments (id, client_id, case_id, kind, txn_ref, amount_fen, applied_fen, paid_at, channel, import_id, created_at, created_by)
         VALUES (?, ?, ?, 'confirmed', ?, ?, ?, ?, ?, ?, ?, ?)`,
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

  write(p: PaymentRecord): 'inserted' | 'updated' | 'unchanged' {
    this.reversed = null;
    if (p.ignored !== undefined) return 'unchanged';
    const c = this.s.findCase.get(this.clientId, p.caseNo) as HeldCase | undefined;
    if (!c) throw this.unknown.reject(p.caseNo);
    if (this.seen.has(p.txnRef)) throw new RowRejected('txnRef', 'duplicate_txn', `${quoted(p.txnRef)}, earlier in this file`);
    if (this.s.txnExists.get({ c: this.clientId, ref: p.txnRef })) throw new RowRejected('txnRef', 'duplicate_txn', `${quoted(p.txnRef)}, by an earlier import`);
    // A reference is taken by a row written: a reversal that matches nothing leaves it free for a later row.
    const outcome = p.adjustment !== null ? this.adjust(c, p, p.adjustment) : p.amountFen < 0 ? this.reverse(c.id, p) : this.pay(c, p);
    this.seen.add(p.txnRef);
    return outcome;
  }

  /** A payment: recorded, and the case's balance lowered by it. */
  private pay(c: HeldCase, p: PaymentRecord): 'inserted' {
    const id = uuidv7(this.t);
    this.s.insert.run(id, this.clientId, c.id, p.txnRef, p.amountFen, takenOff(c, p.amountFen), p.paidAt, p.channel, this.importId, this.now, this.actorId);
    this.s.updateCase.run({ id: c.id, amount: p.amountFen, paidAt: p.paidAt, now: this.now });
    this.replicate(c.id, id);
    return 'inserted';
  }

  /** A change of the balance the bank made (a waiver): the balance is lowered, to 0 at most; nothing is recovered. */
  private adjust(c: HeldCase, p: PaymentRecord, type: string): 'updated' {
    this.s.adjust.run(uuidv7(this.t), this.clientId, c.id, p.txnRef, type, p.amountFen, takenOff(c, p.amountFen), p.paidAt, this.importId, this.now, this.actorId);
    this.s.lowerBalance.run({ id: c.id, amount: p.amountFen, now: this.now });
    this.replicate(c.id, null);
    return 'updated';
  }

  /** A reversal: its payment leaves `payments` for payment_reversals, and the case gets the amount back. */
  private reverse(caseId: string, p: PaymentRecord): 'updated' {
    const amount = -p.amountFen;
    const held = (p.reverses ? this.s.paymentByRef.get(this.clientId, p.reverses) : this.s.paymentByAmount.get(caseId, amount, p.paidAt)) as HeldPayment | undefined;
    if (!held || held.case_id !== caseId || held.amount_fen !== amount) {
      throw new RowRejected(p.reverses ? 'reverses' : 'amount', 'unmatched_reversal', p.reverses ? quoted(p.reverses) : formatFen(p.amountFen));
    }
    this.s.reverse.run({ id: held.id, ref: p.txnRef, at: p.paidAt, importId: this.importId, now: this.now });
    this.reversed = held.txn_ref;
    this.s.remove.run(held.id);
    this.s.restoreCase.run({ id: caseId, amount, restored: held.applied_fen ?? amount, paidAt: held.paid_at, now: this.now });
    this.replicate(caseId, null);
    return 'updated';
  }

  /** On a hub station: the new payment row and the case's bank fields as change records, in the import's transaction. */
  private replicate(caseId: string, paymentId: string | null): void {
    if (!this.station) return;
    const by = { userId: this.actorId, now: this.now };
    if (paymentId) recordChange(this.db, { entity: 'payment', id: paymentId, ...by }, this.station);
    recordChange(this.db, { entity: 'case', id: caseId, fields: [...BANK_FIELDS, 'updated_at'], ...by }, this.station);
  }
}
