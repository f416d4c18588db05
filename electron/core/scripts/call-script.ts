import cnScripts from '../../../resources/scripts/cn-2026.json' with { type: 'json' };
import usScripts from '../../../resources/scripts/us-regf.json' with { type: 'json' };
import { z } from 'zod';
import { CallScript } from '../../../shared/contract/workbench';
import type { Party } from '../../../shared/compliance/types';
import { daysBetween, localDay } from '../../../shared/compliance/zoned';
import { formatFen } from '../../../shared/domain/money';
import type { Actor } from '../auth/actor';
import { getUser } from '../auth/users';
import { getClient } from '../clients/clients';
import { caseRowForActor } from '../cases/case-detail';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import { chooseSituation, pickScript, type PromiseFact } from './script-situation';
import { fillScript, spokenDate, type ScriptVars } from './script-text';

export type { ScriptStage } from './script-situation';

/** Call scripts are data (resources/scripts), one set per rule pack, chosen by situation and party. */
const ScriptSet = z.object({ id: z.string(), language: z.string(), scripts: z.array(CallScript) });
const SETS = new Map([cnScripts, usScripts].map((s) => { const set = ScriptSet.parse(s); return [set.id, set] as const; }));

const UNKNOWN: Record<string, string> = {
  'zh-CN': '（案件中没有这项信息：不要猜测，可告知对方以银行账单为准。）',
  en: '(The case does not hold this: do not guess; refer the person to the bank’s statement.)',
};

function title(name: string | null, gender: string | null, language: string): string | null {
  if (!name) return null;
  if (language.startsWith('zh')) {
    const surname = [...name][0] ?? '';
    return `${surname}${gender === 'F' ? '女士' : gender === 'M' ? '先生' : '先生/女士'}`;
  }
  const last = name.trim().split(/\s+/).pop() ?? name;
  return gender === 'F' ? `Ms. ${last}` : gender === 'M' ? `Mr. ${last}` : name.trim();
}

/** The last four digits of the account, only when the bank's masked account shows them. */
function cardTail(accountMasked: string | null): string | null {
  const tail = accountMasked?.trim().slice(-4) ?? '';
  return /^\d{4}$/.test(tail) ? tail : null;
}

/** The script for this case and party, with the case's values filled in (never typed by hand, never guessed). */
export function callScript(db: Db, actor: Actor, caseId: string, party: Party, now: Date): CallScript {
  const row = caseRowForActor(db, actor, caseId);
  const client = getClient(db, row.client_code);
  const set = SETS.get(client.profile.rulePack);
  if (!set) throw new CoreError('not_found', `No call scripts for rule pack ${client.profile.rulePack}.`);
  const today = localDay(now, row.debtor_tz ?? client.profile.timezone);
  const promises = db.prepare('SELECT amount_fen AS amountFen, due_date AS dueDate, status, paid_fen AS paidFen, created_at AS createdAt FROM promises WHERE case_id = ?').all(caseId) as PromiseFact[];
  const reachedBefore = db.prepare("SELECT 1 FROM activities WHERE case_id = ? AND party = 'debtor'").get(caseId) !== undefined;
  const { stage, promise } = chooseSituation({ today, daysToDueBack: row.due_back_at ? daysBetween(today, row.due_back_at) : null, overdueDays: row.overdue_days, reachedBefore, promises });
  const wanted = party === 'none' ? 'debtor' : party;
  const script = pickScript(set.scripts, stage, wanted);
  if (!script) throw new CoreError('not_found', `No call script for ${wanted}.`);
  const user = getUser(db, actor.id);
  const agency = (db.prepare("SELECT value FROM settings WHERE key = 'agency.name'").get() as { value: string } | undefined)?.value ?? null;
  const lang = set.language;
  const paid = promise ? Math.min(promise.paidFen, promise.amountFen) : 0;
  const vars: ScriptVars = {
    agency: agency ?? (lang.startsWith('zh') ? '本催收机构' : 'the agency'),
    collector: user.display_name,
    staffNo: user.staff_no ?? user.name,
    bank: client.name,
    debtorTitle: title(row.name, row.gender, lang),
    cardTail: cardTail(row.account_masked),
    product: row.product,
    balance: formatFen(row.balance_fen),
    placedAmount: formatFen(row.placed_amount_fen),
    overdueDays: row.overdue_days === null ? null : String(row.overdue_days),
    dueBackAt: spokenDate(row.due_back_at, today, lang),
    hotline: client.profile.hotline ?? null,
    repaymentChannels: (client.profile.repaymentChannels ?? []).join(lang.startsWith('zh') ? '、' : ', ') || null,
    promiseDate: promise ? spokenDate(promise.dueDate, today, lang) : null,
    promiseAmount: promise ? formatFen(promise.amountFen) : null,
    promisePaid: promise && paid > 0 ? formatFen(paid) : null,
    promiseShort: promise ? formatFen(promise.amountFen - paid) : null,
  };
  const unknown = UNKNOWN[lang] ?? UNKNOWN.en ?? '';
  return { ...script, stage: script.stage === 'any' ? stage : script.stage, steps: script.steps.map((s) => ({ ...s, title: fillScript(s.title, vars, s.title), text: fillScript(s.text, vars, unknown) })) };
}
