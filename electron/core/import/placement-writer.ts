import { uuidv7 } from '../../../shared/domain/ids';
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../db/open';
import { formatFen } from '../../../shared/domain/money';
import { toHalfWidth } from '../../../shared/domain/text';
import type { PlacementRecord } from './placement-row';
import { RowRejected } from './row-reader';
import { moveCaseToBatch } from '../kpi/case-batch';
import { quoted } from './limits';

export type Outcome = 'inserted' | 'updated' | 'unchanged';

/** A debtor found by ID number: created by this writer (with its first case number) or held before. */
interface KnownDebtor {
  id: string;
  name: string;
  caseNo: string | null;
}

/** The separators written between the parts of a transcribed name (阿卜杜·热合曼), in their many look-alikes. */
const NAME_DOTS = /[\s.\u00b7\u0387\u2022\u2027\u2219\u22c5\u30fb\uff0e\uff65\u2010-]+/g;

/** A name as compared between deliveries: half-width, without spaces or name dots (王 强 = 王强, ＬＩ = LI, 阿卜杜·热合曼 = 阿卜杜•热合曼). */
function nameKey(name: string): string {
  return toHalfWidth(name).replace(NAME_DOTS, '').toLowerCase();
}

/** What a file gives for all its rows, as far as it is known. */
export interface FileBatch {
  batchNo: string | null;
  hand: number | null;
  placedAt: string | null;
}

interface ExistingCase {
  id: string;
  debtor_id: string;
  batch_id: string;
  placed_amount_fen: number;
  balance_fen: number;
  status: string;
  overdue_days: number | null;
  stage: string | null;
  principal_fen: number | null;
  interest_fen: number | null;
  fees_fen: number | null;
  last_payment_at: string | null;
  last_payment_fen: number | null;
  remarks: string | null;
}

/** Rows per multi-row INSERT; a flush runs the buffered rows in chunks of these sizes. */
const CHUNKS = [256, 64, 16, 4, 1] as const;
/** New cases buffered before the buffers are written. */
const FLUSH_CASES = 256;

/**
 * Rows of one table waiting to be inserted, written with multi-row INSERTs: one statement per up to 256 rows costs
 * far less than one per row (measured: ~1 s of 4.5 s for 100k cases with their debtors and contacts). The values
 * that are the same for every row (client, batch, actor, time) are bound once per statement as named parameters.
 */
class BulkInsert {
  /** the anonymous parameters of the buffered rows, row after row */
  readonly values: unknown[] = [];
  private readonly statements = new Map<number, BetterSqlite3.Statement>();
  private readonly width: number;

  constructor(
    private readonly db: Db,
    private readonly head: string,
    private readonly tuple: string,
    private readonly constants: Record<string, unknown>,
  ) {
    this.width = tuple.split('?').length - 1;
  }

  get rows(): number {
    return this.values.length / this.width;
  }

  private statement(rows: number): BetterSqlite3.Statement {
    let st = this.statements.get(rows);
    if (!st) {
      st = this.db.prepare(`${this.head} VALUES ${Array.from({ length: rows }, () => this.tuple).join(', ')}`);
      this.statements.set(rows, st);
    }
    return st;
  }

  flush(): void {
    const v = this.values;
    let row = 0;
    let left = v.length / this.width;
    for (const size of CHUNKS) {
      while (left >= size) {
        this.statement(size).run(v.slice(row * this.width, (row + size) * this.width), this.constants);
        row += size;
        left -= size;
      }
    }
    v.length = 0;
  }
}

/**
 * A case's status after the bank gave its balance: nothing owed is `paid` (as a payment in full makes it), and a paid
 * case the bank says is owing again (a payment reversed) is worked again. Recalled and closed cases stay so.
 */
function statusFor(status: string, balanceFen: number): string {
  if (balanceFen === 0) return status === 'recalled' || status === 'closed' ? status : 'paid';
  return status === 'paid' ? 'working' : status;
}

/**
 * Writes placement records inside the caller's transaction. A new case number becomes a debtor (reused within the
 * client when the ID number matches), a case in this batch and its contact persons. A case number already held is
 * updated from the new delivery (balance, days overdue, stage, amounts, new contacts) and keeps its batch, history
 * and assignment.
 *
 * New rows are buffered and inserted in bulk; `flush()` writes what is buffered and must run before the
 * transaction commits. A client's first delivery skips the per-row lookups: a client without cases cannot hold
 * any of the file's case numbers (the caller passes each case number once), and debtors created by this writer are
 * found again by ID number in memory. Every lookup or update of a debtor whose rows are still buffered flushes
 * first, so SQL always sees what was written.
 */
export class PlacementWriter {
  private readonly s;
  private readonly ids: () => string;
  private readonly clientHasCases: boolean;
  private readonly clientHasDebtors: boolean;
  /** ID number → debtor, for the debtors this writer created */
  private readonly created = new Map<string, KnownDebtor>();
  /** debtors with rows (their own or their contacts') still in the buffers */
  private readonly pending = new Set<string>();
  private readonly debtorRows: BulkInsert;
  private readonly contactRows: BulkInsert;
  private readonly caseRows: BulkInsert;
  /** the case looked up last (places() then write() of one record), and whether the record places it in this batch */
  private looked: { caseNo: string; existing: ExistingCase | undefined; placing: boolean } | null = null;

  constructor(
    private readonly db: Db,
    private readonly clientId: string,
    private readonly batchId: string,
    private readonly actorId: string,
    private readonly now: string,
    /** the batch number, hand and placement date the file gives for all its rows (null: none, or not yet known) */
    private readonly fileBatch: () => FileBatch = () => ({ batchNo: null, hand: null, placedAt: null }),
  ) {
    const t = Date.parse(now);
    this.ids = () => uuidv7(t);
    this.clientHasCases = db.prepare('SELECT 1 FROM cases WHERE client_id = ? LIMIT 1').get(clientId) !== undefined;
    // A client's debtors come with its cases (a debtor is only ever written with its first case), and debtors have
    // no index led by client_id to ask directly.
    this.clientHasDebtors = this.clientHasCases;
    const constants = { client: clientId, batch: batchId, actor: actorId, now };
    this.debtorRows = new BulkInsert(
      db,
      `INSERT INTO debtors (id, client_id, name, id_type, id_number, gender, birth_date, mobile, home_address, work_address, registered_address, employer, created_at, created_by, updated_at)`,
      '(?, @client, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, @now, @actor, @now)',
      { client: clientId, now, actor: actorId },
    );
    this.contactRows = new BulkInsert(
      db,
      `INSERT INTO contact_persons (id, debtor_id, relation, name, phone, source, created_at, created_by, updated_at)`,
      `(?, ?, ?, ?, ?, 'bank', @now, @actor, @now)`,
      { now, actor: actorId },
    );
    this.caseRows = new BulkInsert(
      db,
      `INSERT INTO cases (id, client_id, batch_id, debtor_id, case_no, product, account_masked, currency, principal_fen, interest_fen, fees_fen, placed_amount_fen, balance_fen,
         overdue_days, stage, last_payment_at, last_payment_fen, remarks, created_at, created_by, updated_at)`,
      '(?, @client, @batch, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, @now, @actor, @now)',
      constants,
    );
    this.s = {
      findCase: db.prepare(
        'SELECT id, debtor_id, batch_id, placed_amount_fen, balance_fen, status, overdue_days, stage, principal_fen, interest_fen, fees_fen, last_payment_at, last_payment_fen, remarks FROM cases WHERE client_id = ? AND case_no = ?',
      ),
      findDebtor: db.prepare('SELECT id, name, NULL AS caseNo FROM debtors WHERE client_id = ? AND id_number = ?'),
      caseOfDebtor: db.prepare('SELECT case_no FROM cases WHERE debtor_id = ? ORDER BY created_at LIMIT 1').pluck(),
      updateDebtor: db.prepare(
        `UPDATE debtors SET mobile = coalesce(@mobile, mobile), home_address = coalesce(@homeAddress, home_address), work_address = coalesce(@workAddress, work_address),
           registered_address = coalesce(@registeredAddress, registered_address), employer = coalesce(@employer, employer), updated_at = @now
         WHERE id = @id AND (coalesce(@mobile, mobile) IS NOT mobile OR coalesce(@homeAddress, home_address) IS NOT home_address
           OR coalesce(@workAddress, work_address) IS NOT work_address OR coalesce(@registeredAddress, registered_address) IS NOT registered_address
           OR coalesce(@employer, employer) IS NOT employer)`,
      ),
      // A value the delivery leaves empty (or whose column the profile does not map) keeps what the case holds: a
      // bank's blank 最后还款日 is no news, not a payment undone. Stage is set only when it changes: naming it in SET runs
      // the triggers that move a case's KPI counts to its new group (kpi_*_case_moved), which for an unchanged stage
      // have nothing to do but still cost their checks.
      updateCase: db.prepare(
        `UPDATE cases SET balance_fen = coalesce(@balanceFen, balance_fen), overdue_days = coalesce(@overdueDays, overdue_days),
           principal_fen = coalesce(@principalFen, principal_fen), interest_fen = coalesce(@interestFen, interest_fen), fees_fen = coalesce(@feesFen, fees_fen),
           last_payment_at = coalesce(@lastPaymentAt, last_payment_at), last_payment_fen = coalesce(@lastPaymentFen, last_payment_fen),
           remarks = coalesce(@remarks, remarks), updated_at = @now WHERE id = @id`,
      ),
      updateStage: db.prepare('UPDATE cases SET stage = @stage WHERE id = @id'),
      updateStatus: db.prepare('UPDATE cases SET status = @status WHERE id = @id'),
      leaveBatch: db.prepare('UPDATE batches SET case_count = case_count - 1, placed_total_fen = placed_total_fen - @placedFen WHERE id = @batchId'),
      recalledFrom: db.prepare(
        `SELECT b.batch_no AS batchNo, b.hand, r.recalled_at AS recalledAt FROM recalls r LEFT JOIN batches b ON b.id = r.batch_id
         WHERE r.case_id = ? ORDER BY r.recalled_at DESC LIMIT 1`,
      ),
      placeAgain: db.prepare('UPDATE cases SET placed_amount_fen = @placedAmountFen, balance_fen = @balanceFen, status = @status, next_action_at = NULL, updated_at = @now WHERE id = @id'),
      phones: db.prepare('SELECT phone FROM contact_persons WHERE debtor_id = ?').pluck(),
      insertContact: db.prepare(
        `INSERT INTO contact_persons (id, debtor_id, relation, name, phone, source, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, 'bank', ?, ?, ?)`,
      ),
    };
  }

  /**
   * Whether writing this record places a case in this batch — a case number the client does not hold, or a recalled
   * case placed again — rather than updating one the agency works. The lookup serves the write() that follows.
   */
  places(r: PlacementRecord): boolean {
    return this.lookUp(r).placing;
  }

  private lookUp(r: PlacementRecord): { existing: ExistingCase | undefined; placing: boolean } {
    if (this.looked?.caseNo === r.caseNo) return this.looked;
    const existing = this.clientHasCases ? (this.s.findCase.get(this.clientId, r.caseNo) as ExistingCase | undefined) : undefined;
    const placing = !existing || (existing.status === 'recalled' && existing.batch_id !== this.batchId && this.placesAgain(existing, r));
    this.looked = { caseNo: r.caseNo, existing, placing };
    return this.looked;
  }

  /**
   * A recalled case is placed again by a later placement (a new hand, a new batch) — not by its own batch's file sent
   * again, nor by a placement dated before the recall: those would bring back a case the bank has taken away.
   */
  private placesAgain(existing: ExistingCase, r: PlacementRecord): boolean {
    const from = this.s.recalledFrom.get(existing.id) as { batchNo: string | null; hand: number | null; recalledAt: string } | undefined;
    if (!from) return true;
    const file = this.fileBatch();
    const batchNo = r.case.batchNo ?? file.batchNo;
    const hand = r.case.hand ?? file.hand;
    if (batchNo !== null && batchNo === from.batchNo && (hand === null || from.hand === null || hand === from.hand)) return false;
    const placedAt = r.case.placedAt ?? file.placedAt;
    return placedAt === null || placedAt >= from.recalledAt.slice(0, 10);
  }

  write(r: PlacementRecord): { outcome: Outcome; placedFen: number } {
    const { existing, placing } = this.lookUp(r);
    this.looked = null;
    if (placing && r.case.placedAmountFen < 0) throw new RowRejected('placedAmount', 'negative', formatFen(r.case.placedAmountFen));
    if (!existing) {
      const debtorId = this.debtorFor(r);
      const c = r.case;
      this.caseRows.values.push(
        this.ids(), debtorId, r.caseNo, c.product, c.accountMasked, c.currency, c.principalFen, c.interestFen, c.feesFen, c.placedAmountFen, c.balanceFen ?? c.placedAmountFen,
        c.overdueDays, c.stage, c.lastPaymentAt, c.lastPaymentFen, c.remarks,
      );
      if (this.caseRows.rows >= FLUSH_CASES) this.flush();
      return { outcome: 'inserted', placedFen: c.placedAmountFen };
    }
    // A recalled case is frozen: a delivery that does not place it again changes nothing of it.
    if (existing.status === 'recalled' && !placing) return { outcome: 'unchanged', placedFen: 0 };
    // A recalled case the bank places again (a new hand): it joins this batch, with this file's amount and term, and
    // is worked again; its history and assignment stay. For the batch it is a new case.
    if (placing) {
      // The earlier batch's list counts the cases it holds: this one has left it.
      this.s.leaveBatch.run({ batchId: existing.batch_id, placedFen: existing.placed_amount_fen });
      moveCaseToBatch(this.db, existing.id, this.batchId);
      existing.balance_fen = r.case.balanceFen ?? r.case.placedAmountFen;
      existing.status = statusFor('new', existing.balance_fen);
      this.s.placeAgain.run({ id: existing.id, placedAmountFen: r.case.placedAmountFen, balanceFen: existing.balance_fen, status: existing.status, now: this.now });
    }
    this.settle(existing.debtor_id);
    let changed = this.s.updateDebtor.run({ id: existing.debtor_id, ...r.debtor, now: this.now }).changes > 0;
    changed = this.addContacts(existing.debtor_id, r) || changed;
    // A last payment the delivery gives is news only when it is later than the one the case holds (a payment the
    // bank confirmed since, in a payments file, is not undone by an older 最后还款日); one without a date only for a case without one.
    const later = r.case.lastPaymentAt === null ? existing.last_payment_at === null : existing.last_payment_at === null || r.case.lastPaymentAt > existing.last_payment_at;
    const c = later ? r.case : { ...r.case, lastPaymentAt: null, lastPaymentFen: null };
    const news = <T>(value: T | null, held: T | null): boolean => value !== null && value !== held;
    const caseChanged =
      news(c.balanceFen, existing.balance_fen) || news(c.overdueDays, existing.overdue_days) || news(c.principalFen, existing.principal_fen) ||
      news(c.interestFen, existing.interest_fen) || news(c.feesFen, existing.fees_fen) || news(c.lastPaymentAt, existing.last_payment_at) ||
      news(c.lastPaymentFen, existing.last_payment_fen) || news(c.remarks, existing.remarks) || news(c.stage, existing.stage);
    if (caseChanged) this.s.updateCase.run({ id: existing.id, ...c, now: this.now });
    if (news(c.stage, existing.stage)) this.s.updateStage.run({ id: existing.id, stage: c.stage });
    const status = c.balanceFen === null ? existing.status : statusFor(existing.status, c.balanceFen);
    if (status !== existing.status) this.s.updateStatus.run({ id: existing.id, status });
    if (placing) return { outcome: 'inserted', placedFen: r.case.placedAmountFen };
    return { outcome: caseChanged || changed ? 'updated' : 'unchanged', placedFen: 0 };
  }

  /** Writes the buffered rows: debtors first, then what refers to them. */
  flush(): void {
    this.debtorRows.flush();
    this.contactRows.flush();
    this.caseRows.flush();
    this.pending.clear();
  }

  /** Before SQL reads or updates a debtor, its buffered rows are written. */
  private settle(debtorId: string): void {
    if (this.pending.has(debtorId)) this.flush();
  }

  private debtorFor(r: PlacementRecord): string {
    const d = r.debtor;
    let known = d.idNumber ? this.created.get(d.idNumber) : undefined;
    if (known === undefined && d.idNumber && this.clientHasDebtors) known = this.s.findDebtor.get(this.clientId, d.idNumber) as KnownDebtor | undefined;
    if (known) {
      // One ID number is one person: a row that gives it with another name is a mistake in the file (or in the
      // earlier one), and taking it would put this case's phones on someone else's debtor.
      if (nameKey(known.name) !== nameKey(d.name)) {
        throw new RowRejected('idNumber', 'name_mismatch', `case ${quoted(known.caseNo ?? (this.s.caseOfDebtor.get(known.id) as string | undefined) ?? '?')}`);
      }
      this.settle(known.id);
      this.s.updateDebtor.run({ id: known.id, ...d, now: this.now });
      this.addContacts(known.id, r);
      return known.id;
    }
    const id = this.ids();
    if (d.idNumber) this.created.set(d.idNumber, { id, name: d.name, caseNo: r.caseNo });
    this.pending.add(id);
    this.debtorRows.values.push(id, d.name, d.idType, d.idNumber, d.gender, d.birthDate, d.mobile, d.homeAddress, d.workAddress, d.registeredAddress, d.employer);
    const contacts = this.contactRows.values;
    if (d.mobile) contacts.push(this.ids(), id, 'self', d.name, d.mobile);
    for (const c of r.contacts) contacts.push(this.ids(), id, c.relation, c.name, c.phone);
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
