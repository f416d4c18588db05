// Issue 5 speed: dashboard figures over 1M cases and ~5M activities in at most 1 s in core. Prints numbers; not a test.
import type { Actor } from '../../electron/core/auth/actor';
import { kpiDrill } from '../../electron/core/kpi/kpi-drill';
import { kpiReport } from '../../electron/core/kpi/kpi-report';
import { kpiTrend } from '../../electron/core/kpi/kpi-trend';
import { benchStore, printTable, timed } from './demo-store';

const { db } = await benchStore();
const today = '2026-11-24';
const lead: Actor = { ...(db.prepare("SELECT id, role FROM users WHERE name = 'lead'").get() as { id: string; role: Actor['role'] }), via: 'ui' };
const collector: Actor = { ...(db.prepare("SELECT id, role FROM users WHERE name = 'c1'").get() as { id: string; role: Actor['role'] }), via: 'ui' };
const counts = db.prepare("SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM activities) AS activities, (SELECT count(*) FROM cases WHERE client_id = (SELECT id FROM clients WHERE code = 'bank-a')) AS bankA").get() as Record<string, number>;
const q = { clientCode: 'bank-a' };
const rows = [
  timed('KPI totals, bank-a (lead)', () => kpiReport(db, lead, q, today), 3),
  timed('KPI by batch (lead)', () => kpiReport(db, lead, { ...q, by: 'batch' }, today), 3),
  timed('KPI by collector (lead)', () => kpiReport(db, lead, { ...q, by: 'collector' }, today), 3),
  timed('KPI by stage (lead)', () => kpiReport(db, lead, { ...q, by: 'stage' }, today), 3),
  timed('KPI by collector, last 7 days (lead)', () => kpiReport(db, lead, { ...q, by: 'collector', from: '2026-11-18', to: today }, today), 3),
  timed('KPI by collector, 11-01..11-10: a past period (lead)', () => kpiReport(db, lead, { ...q, by: 'collector', from: '2026-11-01', to: '2026-11-10' }, today), 3),
  timed('KPI totals, today (lead)', () => kpiReport(db, lead, { ...q, from: today, to: today }, today), 3),
  timed('KPI by collector, last 7 days (collector)', () => kpiReport(db, collector, { ...q, by: 'collector', from: '2026-11-18', to: today }, today), 5),
  timed('daily trend over the term (lead)', () => kpiTrend(db, lead, q, today), 3),
  timed('KPI totals, my figures (collector)', () => kpiReport(db, collector, q, today), 5),
  ...(['worked', 'recovered', 'kept'] as const).map((metric) => timed(`drill-down: ${metric} cases, first page (lead)`, () => kpiDrill(db, lead, { ...q, metric, page: 0, pageSize: 50 }, today), 3)),
];
db.close();
console.log(`\nStore: ${counts.cases} cases (bank-a ${counts.bankA}), ${counts.activities} activities. Target ≤ 1000 ms each.`);
printTable(rows, 1000);
