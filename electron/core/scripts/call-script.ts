import cnScripts from '../../../resources/scripts/cn-2026.json' with { type: 'json' };
import usScripts from '../../../resources/scripts/us-regf.json' with { type: 'json' };
import { z } from 'zod';
import { CallScript } from '../../../shared/contract/workbench';
import type { Party } from '../../../shared/compliance/types';
import { formatFen } from '../../../shared/domain/money';
import type { Actor } from '../auth/actor';
import { getUser } from '../auth/users';
import { getClient } from '../clients/clients';
import { caseRowForActor } from '../cases/case-detail';
import type { Db } from '../db/open';
import { CoreError } from '../errors';

/** Call scripts are data (resources/scripts), one set per rule pack, chosen by stage and party. */
const ScriptSet = z.object({ id: z.string(), language: z.string(), scripts: z.array(CallScript) });
const SETS = new Map([cnScripts, usScripts].map((s) => { const set = ScriptSet.parse(s); return [set.id, set] as const; }));

export type ScriptStage = 'first_contact' | 'follow_up' | 'broken_promise' | 'final_notice';

/** The case's situation: a broken promise, the last days before due-back (or 180+ days overdue), first contact, or follow-up. */
export function stageOf(db: Db, caseId: string, daysToDueBack: number | null, overdueDays: number | null, today: string): ScriptStage {
  const broken = db.prepare("SELECT 1 FROM promises WHERE case_id = ? AND (status = 'broken' OR (status = 'pending' AND due_date < ?))").get(caseId, today);
  if (broken) return 'broken_promise';
  if ((daysToDueBack !== null && daysToDueBack <= 7) || (overdueDays !== null && overdueDays >= 180)) {
    const reached = db.prepare("SELECT count(*) AS n FROM activities WHERE case_id = ? AND party = 'debtor'").get(caseId) as { n: number };
    if (reached.n > 0) return 'final_notice';
  }
  const any = db.prepare("SELECT 1 FROM activities WHERE case_id = ? AND party = 'debtor'").get(caseId);
  return any ? 'follow_up' : 'first_contact';
}

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '—');
}

/** The script for this case and party, with the case's values filled in (never typed by hand). */
export function callScript(db: Db, actor: Actor, caseId: string, party: Party, now: Date): CallScript {
  const row = caseRowForActor(db, actor, caseId);
  const client = getClient(db, row.client_code);
  const set = SETS.get(client.profile.rulePack);
  if (!set) throw new CoreError('not_found', `No call scripts for rule pack ${client.profile.rulePack}.`);
  const today = now.toISOString().slice(0, 10);
  const daysToDueBack = row.due_back_at ? Math.round((Date.parse(row.due_back_at) - Date.parse(today)) / 86_400_000) : null;
  const stage = stageOf(db, caseId, daysToDueBack, row.overdue_days, today);
  const wanted = party === 'none' ? 'debtor' : party;
  const script = set.scripts.find((s) => s.party === wanted && (s.stage === stage || s.stage === 'any')) ?? set.scripts.find((s) => s.party === wanted);
  if (!script) throw new CoreError('not_found', `No call script for ${wanted}.`);
  const user = getUser(db, actor.id);
  const promise = db.prepare("SELECT amount_fen, due_date FROM promises WHERE case_id = ? ORDER BY due_date DESC LIMIT 1").get(caseId) as { amount_fen: number; due_date: string } | undefined;
  const agency = (db.prepare("SELECT value FROM settings WHERE key = 'agency.name'").get() as { value: string } | undefined)?.value ?? '本催收机构';
  const surname = row.name ? [...row.name][0] ?? '' : '';
  const vars: Record<string, string> = {
    agency, collector: user.display_name, staffNo: user.staff_no ?? user.name, bank: client.name,
    debtorSurname: surname,
    debtorTitle: `${surname}${row.gender === 'F' ? '女士' : row.gender === 'M' ? '先生' : '先生/女士'}`,
    cardTail: row.account_masked ? row.account_masked.slice(-4) : '—', product: row.product ?? '信用卡',
    balance: formatFen(row.balance_fen), placedAmount: formatFen(row.placed_amount_fen), overdueDays: String(row.overdue_days ?? '—'),
    dueBackAt: row.due_back_at ?? '—', hotline: client.profile.hotline ?? '—', repaymentChannels: (client.profile.repaymentChannels ?? []).join('、') || '—',
    promiseDate: promise?.due_date ?? '—', promiseAmount: promise ? formatFen(promise.amount_fen) : '—',
  };
  return { ...script, stage: script.stage === 'any' ? stage : script.stage, steps: script.steps.map((s) => ({ ...s, title: fill(s.title, vars), text: fill(s.text, vars) })) };
}
