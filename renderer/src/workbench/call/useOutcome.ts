import { useState } from 'react';
import { z } from 'zod';
import { VerdictShape } from '../../../../shared/contract/workbench';
import { api, isApiError } from '../../api/client';
import { EMPTY_OUTCOME, proposedNextAction, reachedParty, toRecordInput, validateOutcome, type FieldErrors, type Limits, type OutcomeValues } from './outcomeModel';
import type { ScriptParty } from './party';

export interface SaveContext {
  caseId: string;
  contactId: string | null;
  party: ScriptParty;
  confirmed: ReadonlySet<string>;
  limits: Limits;
  /** seconds since the call began */
  elapsedS(): number | undefined;
  /** the case's calling hours and the debtor's zone: the result code's next action is proposed in them */
  hours: { windowStart: string; windowEnd: string } | null;
  timezone: string;
}

export interface OutcomeState {
  values: OutcomeValues;
  set(patch: Partial<OutcomeValues>): void;
  errors: FieldErrors;
  /** the core's own words for a field it refused (invalid_input), by field */
  serverErrors: Record<string, string>;
  /** a compliance refusal: every verdict */
  refusal: VerdictShape[] | null;
  /** warns awaiting the collector's reason (the dialog is open while set) */
  warns: VerdictShape[] | null;
  saving: boolean;
  failure: unknown;
  save(reason?: string): Promise<void>;
  cancelReason(): void;
  reset(): void;
}

/** Which errors a change to a value clears. */
const ERROR_PREFIX: Record<keyof OutcomeValues, string> = {
  resultCode: 'result',
  promiseAmount: 'promise.amount',
  promiseDate: 'promise.date',
  planOn: 'plan.',
  planKind: 'plan.',
  schedule: 'plan.',
  waiver: 'plan.waiver',
  notes: 'notes',
  nextAction: 'nextAction',
  nextActionTouched: 'nextAction',
  consentToCall: 'consentToCall',
};

const Verdicts = z.array(VerdictShape);

const SERVER_FIELDS = ['promise.amount', 'promise.date', 'promise', 'result', 'nextAction'];

/**
 * The outcome form's values and its save: local checks, then contact.check for warns (a reason is asked for in a
 * dialog and sent as `reason`), then activity.record; a compliance refusal comes back with every verdict.
 */
export function useOutcome(ctx: SaveContext, onSaved: (verdicts: VerdictShape[], saved: OutcomeValues) => void, initial: OutcomeValues = EMPTY_OUTCOME): OutcomeState {
  const [values, setValues] = useState<OutcomeValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<VerdictShape[] | null>(null);
  const [warns, setWarns] = useState<VerdictShape[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  function set(patch: Partial<OutcomeValues>) {
    setValues((v) => {
      const next = { ...v, ...patch };
      if (patch.nextAction !== undefined) next.nextActionTouched = patch.nextAction !== '';
      // A result code (or a promise date) proposes its next action until the collector sets one themselves.
      else if ((patch.resultCode !== undefined || patch.promiseDate !== undefined) && !next.nextActionTouched) next.nextAction = proposedNextAction(next, ctx.hours, ctx.timezone);
      return next;
    });
    const touched = Object.keys(patch).map((k) => ERROR_PREFIX[k as keyof OutcomeValues]);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !touched.some((p) => k.startsWith(p)))));
    setServerErrors({});
    setRefusal(null);
  }

  function reset() {
    setValues(EMPTY_OUTCOME);
    setErrors({});
    setServerErrors({});
    setRefusal(null);
    setWarns(null);
    setFailure(null);
  }

  async function save(reason?: string) {
    const { caseId, contactId, party, confirmed, limits } = ctx;
    if (!contactId) return;
    const found = validateOutcome(values, party, limits);
    setErrors(found);
    setServerErrors({});
    setRefusal(null);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      if (reason === undefined) {
        const reached = reachedParty(values.resultCode, party);
        const gate = await api.call('contact.check', { caseId, contactId, channel: 'call', party: reached });
        const pending = gate.verdicts.filter((v) => v.kind === 'warn');
        if (pending.length > 0) {
          setWarns(pending);
          return;
        }
      }
      setWarns(null);
      const durationS = ctx.elapsedS();
      const r = await api.call('activity.record', { ...toRecordInput(values, caseId, contactId, party, confirmed, reason), ...(durationS === undefined ? {} : { durationS }) });
      const saved = values;
      reset();
      onSaved(r.verdicts, saved);
    } catch (err) {
      if (isApiError(err) && err.code === 'compliance') {
        const parsed = Verdicts.safeParse(err.details.verdicts);
        const verdicts = parsed.success ? parsed.data : [];
        // Refused only for want of a reason (a warn found in the notes when saving): ask for it, as for the gate's warns.
        const onlyReason = reason === undefined && err.details.allowed === true && verdicts.some((v) => v.kind === 'warn') && !verdicts.some((v) => v.kind === 'block' || (v.kind === 'require' && v.met === false));
        if (onlyReason) setWarns(verdicts.filter((v) => v.kind === 'warn'));
        else setRefusal(verdicts);
      } else if (isApiError(err) && err.code === 'invalid_input' && err.field && SERVER_FIELDS.includes(err.field)) {
        setServerErrors({ [err.field]: err.message });
      } else setFailure(err);
    } finally {
      setSaving(false);
    }
  }

  return { values, set, errors, serverErrors, refusal, warns, saving, failure, save, cancelReason: () => setWarns(null), reset };
}
