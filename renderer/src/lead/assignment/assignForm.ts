import type { MethodInput } from '../../../../shared/contract/methods';
import { parseAmountFen } from '../../../../shared/domain/money';

export type Filter = MethodInput<'assign.preview'>;

/** The selection as typed: '' means “any”; amounts in yuan as text. */
export interface AssignForm {
  clientCode: string;
  batchId: string;
  stage: string;
  status: string;
  minYuan: string;
  maxYuan: string;
  /** '' any, 'none' unassigned, or a collector's id */
  assignedTo: string;
}

/** The selection a lead starts from: cases nobody holds yet, so nothing is taken from anyone by accident. */
export const EMPTY_FORM: AssignForm = { clientCode: '', batchId: '', stage: '', status: '', minYuan: '', maxYuan: '', assignedTo: 'none' };

export const STAGES = ['M0', 'M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7+'] as const;
/** paid, recalled and closed cases are never assigned (the core leaves them out) */
export const ASSIGNABLE_STATUSES = ['new', 'working', 'ptp', 'plan', 'disputed', 'legal'] as const;

export type AmountError = 'amount' | 'band';

export interface ParsedForm {
  filter: Filter;
  errors: { min?: AmountError; max?: AmountError };
  valid: boolean;
}

function fen(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  const r = parseAmountFen(text, 'yuan');
  return r.ok ? r.fen : null;
}

/** The form as the contract's filter; a balance that is not an amount, or a band upside down, is an error. */
export function parseForm(f: AssignForm): ParsedForm {
  const min = fen(f.minYuan);
  const max = fen(f.maxYuan);
  const errors: ParsedForm['errors'] = {};
  if (min === null) errors.min = 'amount';
  if (max === null) errors.max = 'amount';
  if (typeof min === 'number' && typeof max === 'number' && min > max) errors.max = 'band';
  const filter: Filter = {};
  if (f.clientCode) filter.clientCode = f.clientCode;
  if (f.batchId) filter.batchId = f.batchId;
  if (f.stage) filter.stage = f.stage;
  if (f.status) filter.status = f.status;
  if (typeof min === 'number') filter.minBalanceFen = min;
  if (typeof max === 'number') filter.maxBalanceFen = max;
  if (f.assignedTo) filter.assignedTo = f.assignedTo;
  return { filter, errors, valid: !errors.min && !errors.max };
}

/** A batch just imported, for the assignment screen to open on (its unassigned cases). */
export interface BatchToAssign {
  clientCode: string;
  batchId: string;
}
