/**
 * Hybrid logical clock (HLC): physical milliseconds, a counter for events within one millisecond (or while the
 * wall clock stands still or steps back), and the node that made it. Serialised as a fixed-width string that sorts
 * as the clock does: `2026-12-07T19:26:00.000Z-0000-0190A1B2C3D4E5F6`.
 *
 * `send()` stamps a local event; `receive()` merges a remote stamp, so a station's later events sort after
 * everything it has seen. Neither moves more than `maxDriftMs` ahead of the wall clock, and the counter never
 * passes 0xFFFF: both throw instead, so a runaway clock cannot poison the log. A station persists the largest stamp
 * it has committed and restores the clock from it on start (a clock that goes backwards across a restart would
 * reuse stamps).
 */
export const HLC_MAX_COUNTER = 0xffff;
export const HLC_DEFAULT_MAX_DRIFT_MS = 5 * 60_000;
const NODE = /^[0-9A-F]{16}$/;
const PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9A-F]{4})-([0-9A-F]{16})$/;
/** 9999-12-31T23:59:59.999Z: the last instant the fixed-width form can hold */
const MAX_MS = 253_402_300_799_999;

export interface Hlc {
  readonly ms: number;
  readonly counter: number;
  readonly node: string;
}

export class HlcDriftError extends Error {
  readonly code = 'clock_drift';
  constructor(
    readonly aheadMs: number,
    readonly maxDriftMs: number,
  ) {
    super(`The logical clock would run ${Math.round(aheadMs / 1000)} s ahead of this computer's clock (at most ${Math.round(maxDriftMs / 1000)} s is allowed): a clock elsewhere is wrong.`);
  }
}

export class HlcOverflowError extends Error {
  readonly code = 'clock_overflow';
  constructor() {
    super(`More than ${HLC_MAX_COUNTER + 1} events in one millisecond of the logical clock.`);
  }
}

export function isHlcNode(node: string): boolean {
  return NODE.test(node);
}

/** The clock node of a station: the last 16 hex digits of its id (the random part of a UUIDv7). */
export function hlcNodeOf(stationId: string): string {
  const hex = stationId.replace(/-/g, '').toUpperCase();
  const node = hex.slice(-16);
  if (!NODE.test(node)) throw new Error(`"${stationId}" is not a station id`);
  return node;
}

export function formatHlc(t: Hlc): string {
  if (!Number.isInteger(t.ms) || t.ms < 0 || t.ms > MAX_MS) throw new RangeError(`HLC time ${t.ms} is out of range`);
  if (!Number.isInteger(t.counter) || t.counter < 0 || t.counter > HLC_MAX_COUNTER) throw new RangeError(`HLC counter ${t.counter} is out of range`);
  if (!NODE.test(t.node)) throw new RangeError(`HLC node "${t.node}" is not 16 upper-case hex digits`);
  return `${new Date(t.ms).toISOString()}-${t.counter.toString(16).toUpperCase().padStart(4, '0')}-${t.node}`;
}

/** Parses the serialised form; null when it is not one. */
export function parseHlc(text: string): Hlc | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const ms = Date.parse(m[1] ?? '');
  if (Number.isNaN(ms) || new Date(ms).toISOString() !== m[1]) return null;
  return { ms, counter: parseInt(m[2] ?? '', 16), node: m[3] ?? '' };
}

export function isHlcString(text: string): boolean {
  return parseHlc(text) !== null;
}

/** Orders two stamps (time, then counter, then node). The serialised strings sort the same way. */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
}

export interface HlcClockOptions {
  /** the wall clock, in Unix milliseconds */
  now?: () => number;
  maxDriftMs?: number;
  /** the largest stamp this node committed before (restored on start) */
  last?: Hlc | string | null;
}

export class HlcClock {
  private lastMs: number;
  private lastCounter: number;
  private readonly now: () => number;
  private readonly maxDriftMs: number;

  constructor(
    readonly node: string,
    opts: HlcClockOptions = {},
  ) {
    if (!NODE.test(node)) throw new RangeError(`HLC node "${node}" is not 16 upper-case hex digits`);
    this.now = opts.now ?? Date.now;
    this.maxDriftMs = opts.maxDriftMs ?? HLC_DEFAULT_MAX_DRIFT_MS;
    const last = typeof opts.last === 'string' ? parseHlc(opts.last) : (opts.last ?? null);
    if (typeof opts.last === 'string' && !last) throw new RangeError(`"${opts.last}" is not an HLC`);
    this.lastMs = last?.ms ?? 0;
    this.lastCounter = last?.counter ?? 0;
  }

  /** The last stamp issued or merged (what a station persists). */
  get last(): Hlc {
    return { ms: this.lastMs, counter: this.lastCounter, node: this.node };
  }

  /** A new stamp for a local event, later than every stamp this clock has issued or received. */
  send(): Hlc {
    const phys = this.now();
    const ms = Math.max(this.lastMs, phys);
    const counter = ms === this.lastMs ? this.lastCounter + 1 : 0;
    return this.commit(ms, counter, phys);
  }

  /** Merges a stamp from another node; returns the clock's new stamp. */
  receive(remote: Hlc | string): Hlc {
    const msg = typeof remote === 'string' ? parseHlc(remote) : remote;
    if (!msg) throw new RangeError(`"${String(remote)}" is not an HLC`);
    const phys = this.now();
    if (msg.ms - phys > this.maxDriftMs) throw new HlcDriftError(msg.ms - phys, this.maxDriftMs);
    const ms = Math.max(this.lastMs, phys, msg.ms);
    const counter =
      ms === this.lastMs && ms === msg.ms
        ? Math.max(this.lastCounter, msg.counter) + 1
        : ms === this.lastMs
          ? this.lastCounter + 1
          : ms === msg.ms
            ? msg.counter + 1
            : 0;
    return this.commit(ms, counter, phys);
  }

  private commit(ms: number, counter: number, phys: number): Hlc {
    if (ms - phys > this.maxDriftMs) throw new HlcDriftError(ms - phys, this.maxDriftMs);
    if (counter > HLC_MAX_COUNTER) throw new HlcOverflowError();
    this.lastMs = ms;
    this.lastCounter = counter;
    return { ms, counter, node: this.node };
  }
}
