import { RESULT_CODES, type ResultCode } from '../../../shared/compliance/types';
import { parseCalendarDate } from '../../../shared/domain/dates';
import { parseAmountFen } from '../../../shared/domain/money';
import { ComplianceRefusal, recordActivity } from '../../core/contact/record-activity';
import type { Command } from '../command';
import { CONTACT_OPTIONS, contactRequest } from '../contact-args';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv, resolveActor } from '../session';

export const activityAddCommand: Command = {
  words: ['activity', 'add'],
  usage:
    'activity add --client CODE --case CASE_NO --as USER --channel … --party debtor|related|third|none --phone PHONE --at INSTANT --result CODE [--confirm RULE_ID,…] [--ptp-amount YUAN --ptp-date DATE] [--notes TEXT] [--reason TEXT] [--recording REF] [--inbound] [--consent-to-call] [--json]',
  summary: 'record a contact; refused when a block or an unmet require applies',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, {
      ...CONTACT_OPTIONS,
      result: { type: 'string' },
      confirm: { type: 'string' },
      'ptp-amount': { type: 'string' },
      'ptp-date': { type: 'string' },
      notes: { type: 'string' },
      reason: { type: 'string' },
      recording: { type: 'string' },
      inbound: { type: 'boolean' },
      'consent-to-call': { type: 'boolean' },
    });
    const req = contactRequest(values, 'activity add');
    if (!values.result || !RESULT_CODES.includes(values.result as ResultCode)) throw new UsageError(`--result must be one of ${RESULT_CODES.join(', ')}.`);
    let promise: { amountFen: number; dueDate: string } | undefined;
    if (values['ptp-amount'] !== undefined || values['ptp-date'] !== undefined) {
      const amount = parseAmountFen(values['ptp-amount'] ?? '', 'yuan');
      const dueDate = parseCalendarDate(values['ptp-date'] ?? '', ['YYYY-MM-DD']);
      if (!amount.ok) throw new UsageError('--ptp-amount must be an amount in yuan, e.g. 1500.00.');
      if (!dueDate) throw new UsageError('--ptp-date must be a date YYYY-MM-DD.');
      promise = { amountFen: amount.fen, dueDate };
    }
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const recorded = recordActivity(db, resolveActor(db, values.as), {
        ...req,
        resultCode: values.result as ResultCode,
        confirmations: (values.confirm ?? '').split(',').map((s) => s.trim()).filter(Boolean),
        promise,
        notes: values.notes,
        reason: values.reason,
        recordingRef: values.recording,
        direction: values.inbound ? 'inbound' : 'outbound',
        consentToCall: values['consent-to-call'] === true,
      });
      const warns = recorded.evaluation.verdicts.filter((v) => v.kind === 'warn');
      out.result(
        { activityId: recorded.activityId, promiseId: recorded.promiseId, allowed: true, verdicts: recorded.evaluation.verdicts },
        [`Recorded ${values.result} on ${req.caseNo}.`, ...warns.map((w) => `  WARN ${w.rule}: ${w.message}`)].join('\n'),
      );
    } catch (err) {
      if (!(err instanceof ComplianceRefusal)) throw err;
      out.failure({ code: err.code, message: err.message }, { allowed: err.evaluation.allowed, verdicts: err.evaluation.verdicts });
      for (const v of err.evaluation.verdicts.filter((x) => x.kind === 'block' || x.met === false)) out.info(`  ${v.kind.toUpperCase()} ${v.rule}: ${v.message}`);
    } finally {
      db.close();
    }
  },
};
