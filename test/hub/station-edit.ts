// The edits the command line has no command for — raising or clearing a flag, a plan request made on a call, moving
// one case to another collector — made through the same core functions the desktop app calls. Run as a process
// (`node --import tsx test/hub/station-edit.ts DIR 'JSON'`, passphrase from $COLLECTDESK_PASSPHRASE) on a station's
// store, or called in-process on the single reference store.
import type { CaseFlag } from '../../shared/compliance/types';
import { assignSelection } from '../../electron/core/assignment/assign-filter';
import type { Actor } from '../../electron/core/auth/actor';
import { setFlag } from '../../electron/core/cases/flags';
import { recordActivity } from '../../electron/core/contact/record-activity';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { resolveActor } from '../../electron/cli/session';

export type Edit =
  | { kind: 'flag'; caseNo: string; as: string; flag: CaseFlag; on: boolean }
  | { kind: 'plan'; caseNo: string; as: string; phone: string; at: string; amountFen: number; dueDate: string }
  | { kind: 'reassign'; caseNo: string; to: string };

export type EditResult = { ok: true; moved?: string[] } | { ok: false; code: string; message: string };

function caseRow(db: Db, caseNo: string): { id: string; balance_fen: number; assigned_to: string | null } {
  const row = db.prepare('SELECT id, balance_fen, assigned_to FROM cases WHERE case_no = ?').get(caseNo) as { id: string; balance_fen: number; assigned_to: string | null } | undefined;
  if (!row) throw Object.assign(new Error(`no case ${caseNo}`), { code: 'not_found' });
  return row;
}

export function applyEdit(db: Db, e: Edit, now: string = new Date().toISOString()): EditResult {
  try {
    if (e.kind === 'flag') {
      setFlag(db, resolveActor(db, e.as), caseRow(db, e.caseNo).id, e.flag, e.on, undefined, now);
      return { ok: true };
    }
    if (e.kind === 'plan') {
      recordActivity(db, resolveActor(db, e.as), {
        clientCode: 'bank-a', caseNo: e.caseNo, channel: 'call', party: 'debtor', phone: e.phone, at: new Date(e.at),
        resultCode: 'HARDSHIP', confirmations: ['CN-ID', 'CN-RPC', 'CN-R1', 'US-MM'],
        plan: { kind: 'installment', schedule: [{ dueDate: e.dueDate, amountFen: e.amountFen }, { dueDate: `${e.dueDate.slice(0, 8)}28`, amountFen: e.amountFen }], waiverFen: 0 },
      });
      return { ok: true };
    }
    // one case to another collector: the lead's filter narrowed to this case's holder and balance
    const c = caseRow(db, e.caseNo);
    const admin: Actor = resolveActor(db, undefined);
    const to = resolveActor(db, e.to).id;
    const f = { clientCode: 'bank-a', assignedTo: c.assigned_to ?? 'none', minBalanceFen: c.balance_fen, maxBalanceFen: c.balance_fen };
    const before = db.prepare('SELECT id, case_no, assigned_to FROM cases').all() as { id: string; case_no: string; assigned_to: string | null }[];
    assignSelection(db, admin, f, [to], now);
    const after = new Map((db.prepare('SELECT id, assigned_to FROM cases').all() as { id: string; assigned_to: string | null }[]).map((r) => [r.id, r.assigned_to]));
    return { ok: true, moved: before.filter((b) => after.get(b.id) !== b.assigned_to).map((b) => b.case_no).sort() };
  } catch (err) {
    return { ok: false, code: String((err as { code?: string }).code ?? 'error'), message: (err as Error).message };
  }
}

async function main(dir: string, json: string): Promise<void> {
  const { db } = await openDatabase({ dataDir: dir, secret: { passphrase: process.env.COLLECTDESK_PASSPHRASE ?? '' } });
  try {
    const r = applyEdit(db, JSON.parse(json) as Edit);
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exitCode = r.ok ? 0 : 1;
  } finally {
    db.close();
  }
}

if (process.argv[1]?.endsWith('station-edit.ts')) await main(process.argv[2] ?? '', process.argv[3] ?? '{}');
