/**
 * The one chooser of a case's call-script situation, used by every caller: a pure function of the case's promises,
 * its dates and whether the debtor was reached before. A promise not yet due is not broken.
 */
export type ScriptStage = 'first_contact' | 'follow_up' | 'promise_due' | 'broken_promise' | 'partly_kept' | 'final_notice';

export interface PromiseFact {
  amountFen: number;
  /** YYYY-MM-DD */
  dueDate: string;
  status: string;
  paidFen: number;
  createdAt: string;
}

export interface CaseSituation {
  /** the debtor's local day */
  today: string;
  daysToDueBack: number | null;
  overdueDays: number | null;
  /** the debtor was reached on this case before */
  reachedBefore: boolean;
  promises: readonly PromiseFact[];
}

export interface Chosen {
  stage: ScriptStage;
  /** the promise the script speaks of (the latest one), or null */
  promise: PromiseFact | null;
}

/** The latest promise: the one made last (ties: the later due date). */
function latest(promises: readonly PromiseFact[]): PromiseFact | null {
  return [...promises].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.dueDate.localeCompare(a.dueDate))[0] ?? null;
}

function promiseStage(p: PromiseFact, today: string): ScriptStage | null {
  const paid = Math.min(p.paidFen, p.amountFen);
  if (p.status === 'kept' || paid >= p.amountFen) return null;
  if (p.dueDate > today) return null;
  if (p.dueDate === today) return 'promise_due';
  if (p.status === 'partly_kept' || paid > 0) return 'partly_kept';
  return 'broken_promise';
}

export function chooseSituation(s: CaseSituation): Chosen {
  const p = latest(s.promises);
  const byPromise = p ? promiseStage(p, s.today) : null;
  if (p && byPromise) return { stage: byPromise, promise: p };
  const promise = p && p.status === 'pending' && p.dueDate > s.today ? p : null;
  if (s.reachedBefore && ((s.daysToDueBack !== null && s.daysToDueBack <= 7) || (s.overdueDays !== null && s.overdueDays >= 180))) return { stage: 'final_notice', promise };
  return { stage: s.reachedBefore ? 'follow_up' : 'first_contact', promise };
}

/** A script of the situation and party: its own stage, else one for any stage, else the follow-up one; never another stage's. */
export function pickScript<S extends { stage: string; party: string }>(scripts: readonly S[], stage: ScriptStage, party: string): S | undefined {
  const of = (st: string) => scripts.find((s) => s.party === party && s.stage === st);
  return of(stage) ?? of('any') ?? of('follow_up');
}
