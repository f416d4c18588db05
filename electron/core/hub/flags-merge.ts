import type { Db } from '../db/open';

/**
 * Case flags merge flag by flag, so that a do-not-contact or dispute flag is never cleared by a concurrent unset.
 * Each flag keeps two clocks: when it was last raised, and the latest raise that a clearing write had seen. A flag is
 * on while its last raise is later than every raise a clear saw: a clear made without seeing a raise (another
 * station, offline) does not undo it. Both clocks only grow (max), so every replica reaches the same flags whatever
 * order the changes arrive in. A change of a case's flags carries `flag_raised: {flag: hlc}` and
 * `flag_cleared: {flag: hlc of the raise it cleared}` beside the plain `flags` list.
 */
export type FlagOps = { raised: Record<string, string>; cleared: Record<string, string> };

const RAISED = 'flag+:';
const CLEARED = 'flag-:';

interface Register {
  raised: string;
  cleared: string;
}

function registers(db: Db, caseId: string): Map<string, Register> {
  const rows = db.prepare(`SELECT field, hlc FROM hub_field_clock WHERE entity = 'case' AND row_id = ? AND (field LIKE 'flag+:%' OR field LIKE 'flag-:%')`).all(caseId) as { field: string; hlc: string }[];
  const out = new Map<string, Register>();
  for (const r of rows) {
    const flag = r.field.slice(RAISED.length);
    const reg = out.get(flag) ?? { raised: '', cleared: '' };
    if (r.field.startsWith(RAISED)) reg.raised = r.hlc;
    else reg.cleared = r.hlc;
    out.set(flag, reg);
  }
  return out;
}

const isOn = (r: Register): boolean => r.raised > r.cleared;

/** The ops of a local write that left the case with `flags`, stamped `hlc`. */
export function flagOpsOf(db: Db, caseId: string, flags: readonly string[], hlc: string): FlagOps {
  const regs = registers(db, caseId);
  const ops: FlagOps = { raised: {}, cleared: {} };
  for (const f of flags) {
    const r = regs.get(f);
    if (!r || !isOn(r)) ops.raised[f] = hlc;
  }
  for (const [f, r] of regs) if (isOn(r) && !flags.includes(f)) ops.cleared[f] = r.raised;
  return ops;
}

function readOps(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function opsFromFields(fields: Record<string, unknown>): FlagOps | null {
  if (!('flag_raised' in fields) && !('flag_cleared' in fields)) return null;
  return { raised: readOps(fields.flag_raised), cleared: readOps(fields.flag_cleared) };
}

/** Folds the ops into the case's registers and writes the flags they give (flags with no register stay as they are). */
export function applyFlagOps(db: Db, caseId: string, ops: FlagOps): void {
  const up = db.prepare(`INSERT INTO hub_field_clock (entity, row_id, field, hlc) VALUES ('case', ?, ?, ?) ON CONFLICT DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > hlc`);
  for (const [f, h] of Object.entries(ops.raised)) up.run(caseId, RAISED + f, h);
  for (const [f, h] of Object.entries(ops.cleared)) up.run(caseId, CLEARED + f, h);
  const current = db.prepare('SELECT flags FROM cases WHERE id = ?').pluck().get(caseId) as string | undefined;
  if (current === undefined) return;
  const regs = registers(db, caseId);
  const next = new Set((JSON.parse(current) as string[]).filter((f) => !regs.has(f)));
  for (const [f, r] of regs) if (isOn(r)) next.add(f);
  db.prepare('UPDATE cases SET flags = ? WHERE id = ?').run(JSON.stringify([...next].sort()), caseId);
}
