// The seeded script of the convergence test: who edits what, when, and who syncs — and the model of what each
// station may hold, so that every edit is one a single store would also accept at that moment (no collector works a
// case that has left their portfolio, none calls a recalled case).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseFlag } from '../../shared/compliance/types';
import type { PausePoint } from '../../electron/core/hub/pause-point';
import { fixture } from '../helpers/fixtures';
import type { Edit } from './station-edit';

export const COLLECTORS = ['c1', 'c2', 'c3', 'c4', 'c5'] as const;
export type StationName = 'admin' | (typeof COLLECTORS)[number];

/** One edit, made at a station and, in the same order, at the reference store. */
export type Step =
  | { at: StationName; kind: 'cli'; args: string[]; activities: number }
  | { at: StationName; kind: 'edit'; edit: Edit; activities: number }
  | { at: 'admin'; kind: 'import'; what: 'payments' | 'recalls'; file: string; cases: string[] };

export interface SyncPlan {
  station: StationName;
  pause: PausePoint | null;
}

/** The debtors' mobiles from the placement file (GBK), by case number. */
export function mobiles(): Map<string, string> {
  const lines = new TextDecoder('gbk').decode(readFileSync(fixture('bank-a', 'placement-2026-11.csv'))).trim().split(/\r?\n/).slice(1);
  return new Map(lines.map((l) => l.split(',')).map((c) => [c[0] ?? '', c[4] ?? '']));
}

const FLAGS: CaseFlag[] = ['dispute', 'vulnerable'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** The instant of a contact made at step n: three a day, 09:00, 13:00 and 17:00 Beijing time, from 2026-08-01 on. */
function contactAt(n: number): { at: string; day: string; later: string } {
  const d = new Date(Date.UTC(2026, 7, 1 + (Math.floor(n / 3) % 120)));
  const day = d.toISOString().slice(0, 10);
  const later = new Date(d.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  return { at: `${day}T${pad(9 + (n % 3) * 4)}:00:00+08:00`, day, later };
}

export class Script {
  /** the admin station's assignment now */
  readonly assign: Map<string, string>;
  /** the assignment the hub has surely been told (at the admin station's last completed round) */
  private hubAssign: Map<string, string>;
  /** per collector: the cases its station surely holds (the hub's routes at its last completed round) */
  private readonly held = new Map<string, Set<string>>();
  readonly recalled = new Set<string>();
  /**
   * flags raised at collector stations: a clear at the admin station that has not seen a raise leaves the flag on
   * (flags-merge.ts), where a single store would have it off — so the admin clears a flag only once it has seen every raise
   */
  private readonly raises: { key: string; by: string; step: number; atHub: number | null; seen: boolean }[] = [];
  /** cases moved by the script, with the collector each left */
  private readonly left = new Map<string, string>();
  /** stations with edits not pushed yet */
  private readonly dirty = new Set<StationName>();
  private paymentFiles = 0;
  private recallFiles = 0;
  private txn = 0;
  activities = 0;

  constructor(
    private readonly rand: () => number,
    initial: Map<string, string>,
    private readonly phones: Map<string, string>,
    private readonly dir: string,
    private readonly seed: number,
  ) {
    this.assign = new Map(initial);
    this.hubAssign = new Map(initial);
    for (const c of COLLECTORS) this.synced(c, -1);
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)]!;
  }

  /** A round of this station completed: what the model knows it holds (or, for the admin, told the hub). */
  synced(station: StationName, step: number): void {
    if (station === 'admin') {
      this.hubAssign = new Map(this.assign);
      for (const r of this.raises) if (r.atHub !== null && r.atHub < step) r.seen = true;
    } else {
      this.held.set(station, new Set([...this.hubAssign].filter(([, u]) => u === station).map(([k]) => k)));
      for (const r of this.raises) if (r.by === station && r.atHub === null) r.atHub = step;
    }
  }

  /** An edit moved these cases to this collector (the filter may take more than the one case aimed at). */
  moved(cases: string[], to: string): void {
    for (const c of cases) this.assign.set(c, to);
  }

  private workable(c: string): string[] {
    const held = this.held.get(c) ?? new Set();
    return [...this.assign].filter(([k, u]) => u === c && held.has(k) && !this.recalled.has(k)).map(([k]) => k).sort();
  }

  /** The next edit (null when the chosen station has nothing to work on). */
  next(n: number): Step | null {
    const station = this.rand() < 0.3 ? 'admin' : this.pick(COLLECTORS);
    const step = station === 'admin' ? this.adminStep() : this.collectorStep(station, n);
    if (step) this.dirty.add(step.at);
    return step;
  }

  private collectorStep(c: (typeof COLLECTORS)[number], n: number): Step | null {
    const cases = this.workable(c);
    if (cases.length === 0) return null;
    const caseNo = this.pick(cases);
    const phone = this.phones.get(caseNo) ?? '';
    const { at, later } = contactAt(n);
    const r = this.rand();
    if (r < 0.6) {
      const result = this.pick(['NO_ANSWER', 'BUSY', 'PTP', 'PTP', 'CALLBACK', 'REFUSED'] as const);
      const reached = result !== 'NO_ANSWER' && result !== 'BUSY';
      const args = ['activity', 'add', '--client', 'bank-a', '--case', caseNo, '--as', c, '--channel', 'call', '--phone', phone, '--at', at, '--result', result];
      args.push('--party', reached ? 'debtor' : 'none');
      if (reached) args.push('--confirm', 'CN-ID,CN-RPC,CN-R1,US-MM', '--notes', `第${n}次跟进，债务人已接听`);
      if (result === 'PTP') args.push('--ptp-amount', `${100 + Math.floor(this.rand() * 1900)}.00`, '--ptp-date', later);
      this.activities++;
      return { at: c, kind: 'cli', args, activities: 1 };
    }
    if (r < 0.75) {
      this.activities++;
      return { at: c, kind: 'edit', edit: { kind: 'plan', caseNo, as: c, phone, at, amountFen: 50_000 + Math.floor(this.rand() * 100_000), dueDate: later }, activities: 1 };
    }
    const flag = this.pick(FLAGS);
    this.raises.push({ key: `${caseNo}/${flag}`, by: c, step: n, atHub: null, seen: false });
    return { at: c, kind: 'edit', edit: { kind: 'flag', caseNo, as: c, flag, on: true }, activities: 0 };
  }

  private adminStep(): Step {
    // (the admin's own raises need no tracking: a station always sees its own writes)
    const open = [...this.assign.keys()].filter((k) => !this.recalled.has(k)).sort();
    const r = this.rand();
    if (r < 0.35) {
      // half of the moves send a case back to a collector it left (whose station may have wiped it meanwhile)
      const back = [...this.left].filter(([k, u]) => !this.recalled.has(k) && this.assign.get(k) !== u).sort();
      let caseNo: string;
      let to: string;
      if (back.length && this.rand() < 0.5) [caseNo, to] = this.pick(back);
      else {
        caseNo = this.pick(open);
        to = this.pick(COLLECTORS.filter((c) => c !== this.assign.get(caseNo)));
      }
      this.left.set(caseNo, this.assign.get(caseNo) ?? '');
      return { at: 'admin', kind: 'edit', edit: { kind: 'reassign', caseNo, to }, activities: 0 };
    }
    if (r < 0.65) {
      const caseNo = this.pick(open);
      const flag = this.pick(FLAGS);
      const on = this.rand() < 0.5 || this.raises.some((x) => x.key === `${caseNo}/${flag}` && !x.seen);
      return { at: 'admin', kind: 'edit', edit: { kind: 'flag', caseNo, as: 'boss', flag, on }, activities: 0 };
    }
    if (r < 0.88 || this.recallFiles >= 3) return this.paymentFile();
    return this.recallFile(open);
  }

  /** The bank's payments file: the fixture first, then small generated ones (UTF-8 with BOM, the fixture's layout). */
  private paymentFile(): Step {
    if (this.paymentFiles++ === 0) return { at: 'admin', kind: 'import', what: 'payments', file: fixture('bank-a', 'payments-2026-11-20.csv'), cases: [] };
    const rows = Array.from({ length: 1 + Math.floor(this.rand() * 4) }, () => {
      const caseNo = this.pick([...this.assign.keys()].sort());
      return `${caseNo},2026-11-${pad(1 + Math.floor(this.rand() * 28))},${50 + Math.floor(this.rand() * 800)}.${pad(Math.floor(this.rand() * 100))},CONV${this.seed}-${++this.txn},网银`;
    });
    const file = join(this.dir, `payments-${this.paymentFiles}.csv`);
    writeFileSync(file, `\uFEFF案件编号,还款日期,还款金额,交易流水号,还款渠道\n${rows.join('\n')}\n`);
    return { at: 'admin', kind: 'import', what: 'payments', file, cases: [] };
  }

  /** The bank takes cases back: the fixture's ten first, then one or two at a time. */
  private recallFile(open: string[]): Step {
    let cases: string[];
    let file: string;
    if (this.recallFiles++ === 0) {
      file = fixture('bank-a', 'recall-2026-11-25.csv');
      cases = new TextDecoder('gbk').decode(readFileSync(file)).trim().split(/\r?\n/).slice(1).map((l) => l.split(',')[0] ?? '');
    } else {
      cases = [...new Set([this.pick(open), this.pick(open)])];
      file = join(this.dir, `recall-${this.recallFiles}.csv`);
      writeFileSync(file, `\uFEFF案件编号,退案日期,退案原因\n${cases.map((c) => `${c},2026-11-26,银行收回`).join('\n')}\n`);
    }
    for (const c of cases) this.recalled.add(c);
    return { at: 'admin', kind: 'import', what: 'recalls', file, cases };
  }

  /** After an edit, sometimes a station runs a round — now and then SIGKILLed after its push or after a pulled page. */
  nextSync(): SyncPlan | null {
    if (this.rand() >= 0.5) return null;
    const r = this.rand();
    const pause = r < 0.25 ? 'pushed' : r < 0.45 ? 'pulled' : null;
    // a round is killed after its push only where there is something to push: a station with edits not yet pushed
    const dirty = [...this.dirty].sort();
    const station: StationName = pause === 'pushed' && dirty.length ? this.pick(dirty) : this.rand() < 0.3 ? 'admin' : this.pick(COLLECTORS);
    return { station, pause };
  }

  /** What a round did: completed, or killed (after its push: the hub holds the push, the outbox still has it). */
  roundEnded(station: StationName, step: number, killedAt: PausePoint | null): void {
    if (killedAt !== 'pushed') this.dirty.delete(station);
    if (killedAt === null) this.synced(station, step);
  }

  pickStation(): StationName {
    return this.pick(COLLECTORS);
  }
}
