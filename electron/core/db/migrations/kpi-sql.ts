/**
 * SQL fragments of the KPI tables' migrations (5 and 6). Applied migrations are hashed: changing a fragment changes
 * their text and every database that applied them refuses to open. Never edit these; add new ones.
 *
 * "Connected" is the definition of electron/core/kpi/kpi-report.ts (CONNECTED): a result other than no answer, busy,
 * powered off, disconnected.
 */
export const CONNECTED = (a: string) => `${a}.result_code NOT IN ('NO_ANSWER', 'BUSY', 'POWERED_OFF', 'DISCONNECTED')`;
export const CONTACT = (a: string) => `(${a}.party != 'none' AND ${CONNECTED(a)})`;
export const RPC = (a: string) => `(${a}.party = 'debtor' AND ${CONNECTED(a)})`;
/** a confirmed payment `p` within the placement term of batch `b` */
export const IN_TERM = (p: string, b: string) => `${p}.kind = 'confirmed' AND ${p}.paid_at >= coalesce(${b}.placed_at, '') AND ${p}.paid_at <= coalesce(${b}.due_back_at, '9999')`;
/** the group of a case row `c` */
export const GROUP_OF = (c: string) => `${c}.client_id, ${c}.batch_id, coalesce(${c}.assigned_to, ''), coalesce(${c}.stage, '')`;
/** the same, named as kpi_group's columns */
export const GROUP_AS = (c: string) => `${c}.client_id AS client_id, ${c}.batch_id AS batch_id, coalesce(${c}.assigned_to, '') AS collector, coalesce(${c}.stage, '') AS stage`;
export const SAME_GROUP = (t: string, x: string) => `${t}.client_id = ${x}.client_id AND ${t}.batch_id = ${x}.batch_id AND ${t}.collector = ${x}.collector AND ${t}.stage = ${x}.stage`;
/** the kpi table row `t` of the group case row `c` was in (or is in) */
export const IN_GROUP_OF = (t: string, c: string) =>
  `${t}.client_id = ${c}.client_id AND ${t}.batch_id = ${c}.batch_id AND ${t}.collector = coalesce(${c}.assigned_to, '') AND ${t}.stage = coalesce(${c}.stage, '')`;
/** `col = table.col ± from.col` for each column (the table named: in UPDATE … FROM both sides have the columns) */
export const add = (cols: string[], sign: '+' | '-', from: string, table = '') => cols.map((c) => `${c} = ${table ? `${table}.` : ''}${c} ${sign} ${from}.${c}`).join(', ');
