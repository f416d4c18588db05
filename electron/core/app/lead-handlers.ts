import { assignPreview, assignSelection } from '../assignment/assign-filter';
import { lastAssignment, undoLastAssignment } from '../assignment/assign-undo';
import { agencyDay, isoNow } from '../clock';
import { kpiDrill } from '../kpi/kpi-drill';
import { decidePlan, planQueue } from '../plans/approvals';
import { kpiReport } from '../kpi/kpi-report';
import { kpiClientsReport } from '../kpi/kpi-clients';
import { kpiTrend } from '../kpi/kpi-trend';
import type { Handlers } from './handlers';
import { requireActor, requireDb } from './context';

type LeadHandlers = Pick<Handlers, 'kpi.report' | 'kpi.clients' | 'kpi.trend' | 'kpi.drill' | 'plans.queue' | 'plans.decide' | 'assign.preview' | 'assign.run' | 'assign.last' | 'assign.undo'>;

export const leadHandlers: LeadHandlers = {
  'kpi.report': (i, ctx) => kpiReport(requireDb(ctx), requireActor(ctx), i, agencyDay(ctx.clock.now())),
  'kpi.clients': (i, ctx) => kpiClientsReport(requireDb(ctx), requireActor(ctx), i, agencyDay(ctx.clock.now())),
  'kpi.trend': (i, ctx) => kpiTrend(requireDb(ctx), requireActor(ctx), i, agencyDay(ctx.clock.now())),
  'kpi.drill': (i, ctx) => kpiDrill(requireDb(ctx), requireActor(ctx), i, agencyDay(ctx.clock.now())),
  'plans.queue': (i, ctx) => planQueue(requireDb(ctx), requireActor(ctx), i.status),
  'plans.decide': (i, ctx) => {
    decidePlan(requireDb(ctx), requireActor(ctx), i.planId, i.approve, i.reason, isoNow(ctx.clock));
    return { done: true };
  },
  'assign.preview': (i, ctx) => {
    const { to, ...filter } = i;
    return assignPreview(requireDb(ctx), filter, to);
  },
  'assign.run': (i, ctx) => {
    const { to, ...filter } = i;
    return assignSelection(requireDb(ctx), requireActor(ctx), filter, to, isoNow(ctx.clock));
  },
  'assign.last': (_i, ctx) => lastAssignment(requireDb(ctx)),
  'assign.undo': (i, ctx) => undoLastAssignment(requireDb(ctx), requireActor(ctx), i.opId, isoNow(ctx.clock)),
};
