/**
 * The replicated entities: which table each change record's entity names, the columns a change may carry, which of
 * them are personal (sealed before they leave the station), how its rows merge and which case routes them.
 * Names that come off the wire are looked up here and never put into SQL otherwise.
 */
export type Merge = 'append' | 'fields';

export interface EntitySpec {
  entity: string;
  table: string;
  /** every column a change of this entity may carry, `id` first; derived and local-only columns are left out */
  columns: readonly string[];
  personal: readonly string[];
  /** append: rows never change (union by id); fields: each field merges by its HLC */
  merge: Merge;
  /** the SQL (a constant here) that finds the cases a row belongs to; none: every station gets it */
  routeSql: string | null;
}

const E = (s: EntitySpec): EntitySpec => s;

/** In dependency order: a store that applies them in this order never misses a row another refers to. */
export const ENTITIES: readonly EntitySpec[] = [
  E({
    entity: 'user',
    table: 'users',
    columns: ['id', 'name', 'display_name', 'role', 'password_hash', 'disabled_at', 'password_changed_at', 'created_at'],
    personal: ['name', 'display_name', 'password_hash'],
    merge: 'fields',
    routeSql: null,
  }),
  E({
    entity: 'client',
    table: 'clients',
    columns: ['id', 'code', 'name', 'profile_json', 'rule_pack', 'timezone', 'created_at', 'created_by', 'updated_at'],
    personal: [],
    merge: 'fields',
    routeSql: null,
  }),
  E({
    entity: 'batch',
    table: 'batches',
    columns: ['id', 'client_id', 'batch_no', 'file_name', 'sha256', 'placed_at', 'due_back_at', 'hand', 'case_count', 'placed_total_fen', 'status', 'imported_at', 'created_by'],
    personal: [],
    merge: 'fields',
    routeSql: null,
  }),
  E({
    entity: 'debtor',
    table: 'debtors',
    columns: [
      'id', 'client_id', 'name', 'id_type', 'id_number', 'gender', 'birth_date', 'mobile', 'home_address', 'work_address', 'registered_address', 'employer',
      'timezone', 'consent_window_start', 'consent_window_end', 'consent_valid_until', 'created_at', 'created_by', 'updated_at',
    ],
    personal: ['name', 'id_type', 'id_number', 'gender', 'birth_date', 'mobile', 'home_address', 'work_address', 'registered_address', 'employer'],
    merge: 'fields',
    routeSql: 'SELECT id FROM cases WHERE debtor_id = ? ORDER BY id',
  }),
  E({
    entity: 'case',
    table: 'cases',
    columns: [
      'id', 'client_id', 'batch_id', 'debtor_id', 'case_no', 'product', 'account_masked', 'currency', 'principal_fen', 'interest_fen', 'fees_fen',
      'placed_amount_fen', 'balance_fen', 'overdue_days', 'stage', 'last_payment_at', 'last_payment_fen', 'assigned_to', 'assigned_at', 'status',
      'next_action_at', 'flags', 'remarks', 'created_at', 'created_by', 'updated_at',
    ],
    personal: ['account_masked', 'remarks'],
    merge: 'fields',
    routeSql: 'SELECT id FROM cases WHERE id = ?',
  }),
  E({
    entity: 'contact_person',
    table: 'contact_persons',
    columns: ['id', 'debtor_id', 'relation', 'name', 'phone', 'source', 'status', 'created_at', 'created_by', 'updated_at'],
    personal: ['name', 'phone'],
    merge: 'fields',
    routeSql: 'SELECT c.id FROM cases c JOIN contact_persons p ON p.debtor_id = c.debtor_id WHERE p.id = ? ORDER BY c.id',
  }),
  E({
    entity: 'activity',
    table: 'activities',
    columns: [
      'id', 'case_id', 'debtor_id', 'collector_id', 'channel', 'direction', 'party', 'contact_person_id', 'phone', 'started_at', 'recorded_at', 'duration_s',
      'result_code', 'script_id', 'disclosures', 'notes', 'verdicts', 'override_reason', 'recording_ref', 'created_by',
    ],
    personal: ['phone', 'notes', 'override_reason', 'recording_ref'],
    merge: 'append',
    routeSql: 'SELECT case_id FROM activities WHERE id = ?',
  }),
  E({
    // status, paid_fen and settled_at are derived (promise settlement runs on every replica)
    entity: 'promise',
    table: 'promises',
    columns: ['id', 'case_id', 'activity_id', 'amount_fen', 'due_date', 'created_at', 'created_by'],
    personal: [],
    merge: 'append',
    routeSql: 'SELECT case_id FROM promises WHERE id = ?',
  }),
  E({
    entity: 'plan',
    table: 'plans',
    columns: ['id', 'case_id', 'activity_id', 'kind', 'schedule', 'waiver_fen', 'status', 'decided_by', 'decided_at', 'decision_reason', 'bank_status', 'created_at', 'created_by'],
    personal: ['decision_reason'],
    merge: 'fields',
    routeSql: 'SELECT case_id FROM plans WHERE id = ?',
  }),
  E({
    // import_id is local to the station that imported the file
    entity: 'payment',
    table: 'payments',
    columns: ['id', 'client_id', 'case_id', 'kind', 'txn_ref', 'amount_fen', 'applied_fen', 'paid_at', 'channel', 'created_at', 'created_by'],
    personal: [],
    merge: 'append',
    routeSql: 'SELECT case_id FROM payments WHERE id = ?',
  }),
  E({
    // a bank's recall (退案) of a case; import_id and the purge and returns bookkeeping are local to each store
    entity: 'recall',
    table: 'recalls',
    columns: ['id', 'client_id', 'case_id', 'batch_id', 'recalled_at', 'reason', 'created_at', 'created_by'],
    personal: [],
    merge: 'append',
    routeSql: 'SELECT case_id FROM recalls WHERE id = ?',
  }),
];

const BY_ENTITY = new Map(ENTITIES.map((e) => [e.entity, e]));

export function entitySpec(entity: string): EntitySpec | undefined {
  return BY_ENTITY.get(entity);
}

/** The columns of a change this version applies (others are kept in the record but not written). */
export function knownColumns(spec: EntitySpec, fields: readonly string[]): string[] {
  const allowed = new Set(spec.columns);
  return fields.filter((f) => allowed.has(f) && f !== 'id');
}

