import { agencyDay } from '../clock';
import { kpiReport } from '../kpi/kpi-report';
import { kpiTrend } from '../kpi/kpi-trend';
import type { Handlers } from './handlers';
import { requireActor, requireDb } from './context';

type LeadHandlers = Pick<Handlers, 'kpi.report' | 'kpi.trend'>;

export const leadHandlers: LeadHandlers = {
  'kpi.report': (i, ctx) => kpiReport(requireDb(ctx), requireActor(ctx), i, agencyDay(ctx.clock.now())),
  'kpi.trend': (i, ctx) => kpiTrend(requireDb(ctx), requireActor(ctx), i, agencyDay(ctx.clock.now())),
};
