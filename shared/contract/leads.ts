import { z } from 'zod';
import { KPI_GROUPINGS, KpiReport, KpiTrendPoint } from '../kpi/kpi';
import { method } from './method';

/** Team lead: KPIs (the same figures as `report kpi`), the daily trend, and the cases behind a number. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const KpiQuery = { clientCode: z.string().trim().min(1).max(32), from: Day.optional(), to: Day.optional(), batchId: z.string().max(64).optional() };

export const DRILL_METRICS = ['cases', 'recovered', 'worked', 'contacted', 'rpc', 'promises', 'kept', 'broken'] as const;
const DrillRow = z.object({ id: z.string(), caseNo: z.string(), debtorName: z.string().nullable(), stage: z.string().nullable(), status: z.string(), placedFen: z.number().int(), balanceFen: z.number().int(), recoveredFen: z.number().int(), collector: z.string().nullable() });

export const PlanQueueRow = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  clientCode: z.string(),
  debtorName: z.string().nullable(),
  balanceFen: z.number().int(),
  kind: z.string(),
  schedule: z.array(z.object({ dueDate: z.string(), amountFen: z.number().int() })),
  waiverFen: z.number().int(),
  status: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
  needsAdmin: z.boolean(),
  requestReason: z.string().nullable(),
  waiverLimitFen: z.number().int().nullable(),
});
export type PlanQueueRow = z.infer<typeof PlanQueueRow>;

export const AssignFilter = z
  .object({
    clientCode: z.string().max(32).optional(),
    batchId: z.string().max(64).optional(),
    stage: z.string().max(8).optional(),
    status: z.string().max(16).optional(),
    minBalanceFen: z.number().int().min(0).optional(),
    maxBalanceFen: z.number().int().min(0).optional(),
    /** a collector's id, or 'none' for unassigned cases */
    assignedTo: z.string().max(64).optional(),
  })
  .strict();

/** Cases an assignment takes from one collector and gives to another. */
export const AssignMove = z.object({ from: z.string().nullable(), fromName: z.string().nullable(), to: z.string(), toName: z.string(), cases: z.number().int(), amountFen: z.number().int() });
export type AssignMove = z.infer<typeof AssignMove>;
export const LastAssignment = z.object({ opId: z.string(), at: z.string(), by: z.string(), cases: z.number().int(), reassigned: z.number().int() });
export type LastAssignment = z.infer<typeof LastAssignment>;

export const leadMethods = {
  'kpi.report': method(z.object({ ...KpiQuery, by: z.enum(KPI_GROUPINGS).optional() }).strict(), KpiReport, 'user'),
  /** every client's figures side by side, with the agency's total (rows keyed by client code) */
  'kpi.clients': method(z.object({ from: Day.optional(), to: Day.optional() }).strict(), KpiReport, 'user'),
  'kpi.trend': method(z.object(KpiQuery).strict(), z.array(KpiTrendPoint), 'user'),
  'kpi.drill': method(
    z.object({ ...KpiQuery, metric: z.enum(DRILL_METRICS), by: z.enum(KPI_GROUPINGS).optional(), key: z.string().max(64).optional(), page: z.number().int().min(0).default(0), pageSize: z.number().int().min(1).max(500).default(50) }).strict(),
    z.object({ rows: z.array(DrillRow), total: z.number().int() }),
    'user',
  ),
  'plans.queue': method(z.object({ status: z.enum(['requested', 'approved', 'rejected', 'cancelled']).optional() }).strict(), z.array(PlanQueueRow), 'user'),
  'plans.decide': method(z.object({ planId: z.string().min(1).max(64), approve: z.boolean(), reason: z.string().trim().min(2).max(500) }).strict(), z.object({ done: z.literal(true) }), 'lead'),
  'assign.preview': method(
    AssignFilter.extend({ to: z.array(z.string().min(1).max(64)).max(200).optional() }).strict(),
    z.object({ cases: z.number().int(), balanceFen: z.number().int(), held: z.number().int(), livePromises: z.number().int(), moves: z.array(AssignMove) }),
    'lead',
  ),
  'assign.run': method(
    AssignFilter.extend({ to: z.array(z.string().min(1).max(64)).min(1).max(200) }).strict(),
    z.object({ assigned: z.number().int(), perUser: z.array(z.object({ userId: z.string(), cases: z.number().int(), amountFen: z.number().int() })), opId: z.string() }),
    'lead',
  ),
  /** the last assignment, while it can still be undone (null: none, or already undone) */
  'assign.last': method(z.object({}).strict(), LastAssignment.nullable(), 'lead'),
  'assign.undo': method(z.object({ opId: z.string().min(1).max(64) }).strict(), z.object({ restored: z.number().int() }), 'lead'),
} as const;
