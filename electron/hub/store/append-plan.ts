import type { AppendResult, LogChange } from './types';

/** JSON text with object keys sorted, so two encodings of one record compare equal. */
export function stableJson(text: string): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(JSON.parse(text)));
}

export type AppendPlan =
  | Exclude<AppendResult, { kind: 'ok' }>
  | {
      kind: 'ok';
      /** changes the log does not hold yet, once each, in the order sent */
      fresh: LogChange[];
      /** the station's largest clock after this push */
      maxHlc: string | null;
    };

/**
 * Decides, inside the append transaction, what a push adds: a change id the log already holds is acknowledged with
 * its first position (and must carry the same record); a new change must be dated after every change the station
 * pushed before, or the station's own sequence went backwards.
 */
export function planAppend(changes: LogChange[], known: ReadonlyMap<string, { seq: number; body: string }>, stationMaxHlc: string | null): AppendPlan {
  const fresh: LogChange[] = [];
  const seen = new Map<string, LogChange>();
  let maxHlc = stationMaxHlc;
  for (const c of changes) {
    const before = known.get(c.changeId);
    const earlier = seen.get(c.changeId);
    const same = before?.body ?? earlier?.body;
    if (same !== undefined) {
      if (same !== c.body && stableJson(same) !== stableJson(c.body)) return { kind: 'conflict', changeId: c.changeId };
      continue;
    }
    if (stationMaxHlc !== null && c.hlc <= stationMaxHlc) return { kind: 'regressed', changeId: c.changeId, stationMaxHlc };
    seen.set(c.changeId, c);
    fresh.push(c);
    if (maxHlc === null || c.hlc > maxHlc) maxHlc = c.hlc;
  }
  return { kind: 'ok', fresh, maxHlc };
}

/** The acknowledgements of a push, in the order its changes were sent. */
export function acksOf(changes: LogChange[], known: ReadonlyMap<string, { seq: number }>, assigned: ReadonlyMap<string, number>): Array<{ changeId: string; seq: number }> {
  return changes.map((c) => ({ changeId: c.changeId, seq: known.get(c.changeId)?.seq ?? assigned.get(c.changeId) ?? 0 }));
}
