import { uuidv7 } from '../../../shared/domain/ids';
import type { Db } from '../db/open';
import type { PlacementRecord } from './placement-row';

export type Outcome = 'inserted' | 'updated' | 'unchanged';

interface ExistingCase {
  id: string;
  debtor_id: string;
  balance_fen: number;
  overdue_days: number | null;
  stage: string | null;
  principal_fen: number | null;
  interest_fen: number | null;
  fees_fen: number | null;
  last_payment_at: string | null;
  last_payment_fen: number | null;
  remarks: string | null;
}

/**
 * Writes placement records inside the caller's transaction. A new case number becomes a debtor (reused within the
 * client when the ID number matches), a case in this batch and its contact persons. A case number already held is
 * updated from the new delivery (balance, days overdue, stage, amounts, new contacts) and keeps its batch, history
 * and assignment.
 */
export class PlacementWriter {
  private readonly s;
  private readonly ids: () => string;

  constructor(
    private readonly db: Db,
    private readonly clientId: string,
    private readonly batchId: string,
    private readonly actorId: string,
    private readonly now: string,
  ) {
    const t = Date.parse(now);
    this.ids = () => uuidv7(t);
    this.s = {
      findCase: db.prepare(
        'SELECT id, debtor_id, balance_fen, overdue_days, stage, principal_fen, interest_fen, fees_fen, last_payment_at, last_payment_fen, remarks FROM cases WHERE client_id = ? AND case_no = ?',
      ),
      findDebtor: db.prepare('SELECT id FROM debtors WHERE client_id = ? AND id_number = ?').pluck(),
      insertDebtor: db.prepare(
        `INSERT INTO debtors (id, client_id, name, id_type, id_number, gender, birth_date, mobile, home_address, work_address, registered_address, employer, created_at, created_by, updated_at)
         VALUES (@id, @clientId, @name, @idType, @idNumber, @gender, @birthDate, @mobile, @homeAddress, @workAddress, @registeredAddress, @employer, @now, @actor, @now)`,
      ),
      updateDebtor: db.prepare(
        `UPDATE debtors SET mobile = coalesce(@mobile, mobile), home_address = coalesce(@homeAddress, home_address), work_address = coalesce(@workAddress, work_address),
           registered_address = coalesce(@registeredAddress, registered_address), employer = coalesce(@employer, employer), updated_at = @now
         WHERE id = @id AND (coalesce(@mobile, mobile) IS NOT mobile OR coalesce(@homeAddress, home_address) IS NOT home_address
           OR coalesce(@workAddress, work_address) IS NOT work_address OR coalesce(@registeredAddress, registered_address) IS NOT registered_address
           OR coalesce(@employer, employer) IS NOT employer)`,
      ),
      insertCase: db.prepare(
        `INSERT INTO cases (id, client_id, batch_id, debtor_id, case_no, product, account_masked, currency, principal_fen, interest_fen, fees_fen, placed_amount_fen, balance_fen,
           overdue_days, stage, last_payment_at, last_payment_fen, remarks, created_at, created_by, updated_at)
         VALUES (@id, @clientId, @batchId, @debtorId, @caseNo, @product, @accountMasked, @currency, @principalFen, @interestFen, @feesFen, @placedAmountFen, @balanceFen,
           @overdueDays, @stage, @lastPaymentAt, @lastPaymentFen, @remarks, @now, @actor, @now)`,
      ),
      updateCase: db.prepare(
        `UPDATE cases SET balance_fen = @balanceFen, overdue_days = @overdueDays, stage = @stage, principal_fen = @principalFen, interest_fen = @interestFen,
           fees_fen = @feesFen, last_payment_at = @lastPaymentAt, last_payment_fen = @lastPaymentFen, remarks = @remarks, updated_at = @now WHERE id = @id`,
      ),
      phones: db.prepare('SELECT phone FROM contact_persons WHERE debtor_id = ?').pluck(),
      insertContact: db.prepare(
        `INSERT INTO contact_persons (id, debtor_id, relation, name, phone, source, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, 'bank', ?, ?, ?)`,
      ),
    };
  }

  write(r: PlacementRecord): { outcome: Outcome; placedFen: number } {
    const existing = this.s.findCase.get(this.clientId, r.caseNo) as ExistingCase | undefined;
    if (!existing) {
      const debtorId = this.debtorFor(r);
      this.s.insertCase.run({ id: this.ids(), clientId: this.clientId, batchId: this.batchId, debtorId, caseNo: r.caseNo, ...r.case, now: this.now, actor: this.actorId });
      return { outcome: 'inserted', placedFen: r.case.placedAmountFen };
    }
    let changed = this.s.updateDebtor.run({ id: existing.debtor_id, ...r.debtor, now: this.now }).changes > 0;
    changed = this.addContacts(existing.debtor_id, r) || changed;
    const c = r.case;
    const caseChanged =
      existing.balance_fen !== c.balanceFen || existing.overdue_days !== c.overdueDays || existing.stage !== c.stage ||
      existing.principal_fen !== c.principalFen || existing.interest_fen !== c.interestFen || existing.fees_fen !== c.feesFen ||
      existing.last_payment_at !== c.lastPaymentAt || existing.last_payment_fen !== c.lastPaymentFen || existing.remarks !== c.remarks;
    if (caseChanged) this.s.updateCase.run({ id: existing.id, ...c, now: this.now });
    return { outcome: caseChanged || changed ? 'updated' : 'unchanged', placedFen: 0 };
  }

  private debtorFor(r: PlacementRecord): string {
    const known = r.debtor.idNumber ? (this.s.findDebtor.get(this.clientId, r.debtor.idNumber) as string | undefined) : undefined;
    if (known) {
      this.s.updateDebtor.run({ id: known, ...r.debtor, now: this.now });
      this.addContacts(known, r);
      return known;
    }
    const id = this.ids();
    this.s.insertDebtor.run({ id, clientId: this.clientId, ...r.debtor, now: this.now, actor: this.actorId });
    if (r.debtor.mobile) this.s.insertContact.run(this.ids(), id, 'self', r.debtor.name, r.debtor.mobile, this.now, this.actorId, this.now);
    for (const c of r.contacts) this.s.insertContact.run(this.ids(), id, c.relation, c.name, c.phone, this.now, this.actorId, this.now);
    return id;
  }

  /** Adds the contact persons (and the debtor's own mobile) this delivery names that the debtor lacks. */
  private addContacts(debtorId: string, r: PlacementRecord): boolean {
    const have = new Set(this.s.phones.all(debtorId) as string[]);
    let added = false;
    const all = r.debtor.mobile ? [{ relation: 'self' as const, name: r.debtor.name, phone: r.debtor.mobile }, ...r.contacts] : r.contacts;
    for (const c of all) {
      if (have.has(c.phone)) continue;
      this.s.insertContact.run(this.ids(), debtorId, c.relation, c.name, c.phone, this.now, this.actorId, this.now);
      have.add(c.phone);
      added = true;
    }
    return added;
  }
}
