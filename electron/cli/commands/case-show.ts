import type { CaseDetail } from '../../../shared/contract/workbench';
import { formatFen } from '../../../shared/domain/money';
import { getUser } from '../../core/auth/users';
import { caseIdForActor, getCaseDetail } from '../../core/cases/case-detail';
import { getCaseDetailUnmasked } from '../../core/cases/case-unmasked';
import { clockFromEnv } from '../../core/clock';
import type { Db } from '../../core/db/open';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv, resolveActor } from '../session';

/** One case as `case show --json` gives it (CLI.md): the case, then its contacts, activities, promises and payments. */
export function caseView(d: CaseDetail, assignedTo: string | null, unmasked: boolean) {
  return {
    case: {
      caseNo: d.caseNo,
      client: d.client.code,
      clientName: d.client.name,
      status: d.status,
      stage: d.stage,
      placedFen: d.placedAmountFen,
      balanceFen: d.balanceFen,
      principalFen: d.principalFen,
      overdueDays: d.overdueDays,
      assignedTo,
      nextActionAt: d.nextActionAt,
      flags: d.flags,
      readOnly: d.readOnly,
      product: d.product,
      accountMasked: d.accountMasked,
      currency: d.currency,
      lastPayment: d.lastPayment,
      bankRemarks: d.bankRemarks,
      batch: { batchNo: d.batch.batchNo, placedAt: d.batch.placedAt, dueBackAt: d.batch.dueBackAt, daysToDueBack: d.batch.daysToDueBack },
      debtor: d.debtor,
      unmasked,
    },
    contacts: d.contacts,
    activities: d.timeline,
    promises: d.promises,
    plans: d.plans,
    payments: d.payments,
  };
}

type View = ReturnType<typeof caseView>;

const or = (v: string | number | null | undefined, absent = '—') => (v === null || v === undefined || v === '' ? absent : String(v));

/** The case in words, as a person reads its screen top to bottom. */
export function caseText(v: View): string {
  const c = v.case;
  const d = c.debtor;
  const section = <T>(title: string, items: T[], line: (item: T) => string) => [`${title} (${items.length}):`, ...(items.length ? items.map((i) => `  ${line(i)}`) : ['  none'])];
  return [
    `Case ${c.caseNo} — ${c.clientName} (${c.client})${c.readOnly ? ' — read-only' : ''}`,
    `  status ${c.status}, stage ${or(c.stage)}, ${or(c.overdueDays, '?')} days overdue; assigned to ${c.assignedTo ?? 'nobody'}; next action ${or(c.nextActionAt)}`,
    `  placed ${formatFen(c.placedFen)} ${c.currency}, balance ${formatFen(c.balanceFen)}; batch ${or(c.batch.batchNo)}, ${or(c.batch.placedAt, '?')} → ${or(c.batch.dueBackAt, '?')}`,
    ...(c.flags.length ? [`  flags: ${c.flags.join(', ')}`] : []),
    `Debtor ${or(d.name)}${c.unmasked ? ' (unmasked, audited)' : ''}: ID ${or(d.idNumber)}, mobile ${or(d.mobile)}, ${or(d.homeAddress)}; employer ${or(d.employer)}`,
    ...section('Contacts', v.contacts, (p) => `${p.relation} ${or(p.name)} ${or(p.phone)} — ${p.status}, ${p.attemptsToday} attempts today`),
    ...section('Activities, newest first', v.activities, (a) => `${a.at} ${a.channel} ${a.party} ${a.resultCode} by ${a.collector}${a.phone ? ` to ${a.phone}` : ''}${a.notes ? `: ${a.notes}` : ''}`),
    ...section('Promises', v.promises, (p) => `${p.dueDate} ${formatFen(p.amountFen)} — ${p.status}${p.paidFen ? `, paid ${formatFen(p.paidFen)}` : ''}`),
    ...section('Payments', v.payments, (p) => `${p.paidAt} ${formatFen(p.amountFen)}${p.txnRef ? ` (${p.txnRef})` : ''}${p.reversedAt ? `, reversed ${p.reversedAt}` : ''}`),
  ].join('\n');
}

function userName(db: Db, id: string | null): string | null {
  return id === null ? null : getUser(db, id).name;
}

export const caseShowCommand: Command = {
  words: ['case', 'show'],
  usage: 'case show --client CODE --case CASE_NO [--unmask] [--as USER] [--json]',
  summary: 'one case as its screen shows it, personal data masked (--unmask shows it in the clear, audited)',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { client: { type: 'string' }, case: { type: 'string' }, unmask: { type: 'boolean' }, as: { type: 'string' } });
    if (!values.client || !values.case) throw new UsageError('case show needs --client CODE and --case CASE_NO.');
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const actor = resolveActor(db, values.as);
      const id = caseIdForActor(db, actor, values.client, values.case);
      const now = clockFromEnv(env).now();
      const detail = values.unmask ? getCaseDetailUnmasked(db, actor, id, now) : getCaseDetail(db, actor, id, now);
      const view = caseView(detail, userName(db, detail.assignedTo), values.unmask === true);
      out.result(view, caseText(view));
    } finally {
      db.close();
    }
  },
};
