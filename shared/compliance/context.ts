import type { RuleSpec, Texts } from './pack';
import type { ContactFact, EngineInput, Verdict, VerdictKind } from './types';
import { addDays, formatZoned, localDay, localMinuteOfDay, parseClock, zonedInstant } from './zoned';

/** What every check gets: the input, the local day, the pack's calling window, and verdict helpers. */
export class CheckContext {
  readonly today: string;
  readonly minute: number;
  private readonly dayCache = new Map<string, string>();

  constructor(
    readonly input: EngineInput,
    /** the pack's calling window, used to say when a frequency block ends (null: no window) */
    readonly window: { start: number; end: number } | null,
  ) {
    this.today = localDay(input.now, input.timezone);
    this.minute = localMinuteOfDay(input.now, input.timezone);
  }

  dayOf(f: ContactFact): string {
    let d = this.dayCache.get(f.startedAt);
    if (!d) {
      d = localDay(new Date(f.startedAt), this.input.timezone);
      this.dayCache.set(f.startedAt, d);
    }
    return d;
  }

  /** Calls to one of the debtor's own numbers, or in which the debtor was reached. */
  isCallToDebtor(f: ContactFact): boolean {
    return f.channel === 'call' && (f.party === 'debtor' || (f.phone !== null && this.input.debtor.ownPhones.includes(f.phone)));
  }

  get intendsDebtor(): boolean {
    const { party, phone } = this.input.intent;
    return party === 'debtor' || (phone !== null && this.input.debtor.ownPhones.includes(phone));
  }

  /** The first instant from the start of `day` (local) at which the calling window is open. */
  openingOn(day: string): string {
    const tz = this.input.timezone;
    const start = this.window ? this.window.start : 0;
    return formatZoned(zonedInstant(day, Math.floor(start / 60), start % 60, tz), tz);
  }

  /** The first instant from now at which the calling window is open. */
  nextOpening(): string {
    if (!this.window) return formatZoned(this.input.now, this.input.timezone);
    if (this.minute < this.window.start) return this.openingOn(this.today);
    return this.openingOn(addDays(this.today, 1));
  }

  verdict(rule: RuleSpec, kind: VerdictKind, messages: Texts, extra: Partial<Verdict> = {}): Verdict {
    return { rule: rule.id, kind, message: messages.en, messages, ...extra };
  }
}

export function windowOf(params: Record<string, unknown>): { start: number; end: number } {
  return { start: parseClock(String(params.windowStart ?? '08:00')), end: parseClock(String(params.windowEnd ?? '22:00')) };
}

export function num(params: Record<string, unknown>, key: string, fallback: number): number {
  const v = params[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function strings(params: Record<string, unknown>, key: string, fallback: readonly string[] = []): string[] {
  const v = params[key];
  return Array.isArray(v) ? v.map(String) : [...fallback];
}
