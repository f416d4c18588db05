import { KPI_GROUPINGS, type KpiGrouping } from '../../../shared/kpi/kpi';
import { agencyDay, clockFromEnv } from '../../core/clock';
import { kpiReport } from '../../core/kpi/kpi-report';
import { settlePromises } from '../../core/promises/settle';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parse';
import { dataDirFrom, openFromEnv, resolveActor } from '../session';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pct = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const yuan = (fen: number): string => (fen / 100).toFixed(2);

export const reportKpiCommand: Command = {
  words: ['report', 'kpi'],
  usage: 'report kpi --client CODE [--by batch|collector|stage] [--from DATE --to DATE] [--batch BATCH_ID] [--as USER] [--json]',
  summary: 'the KPIs of DESIGN.md (the dashboard’s figures)',
  async run({ args, env, out }) {
    const { values } = parseCommandArgs(args, { client: { type: 'string' }, by: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, batch: { type: 'string' }, as: { type: 'string' } });
    if (!values.client) throw new UsageError('report kpi needs --client CODE.');
    if (values.by !== undefined && !KPI_GROUPINGS.includes(values.by as KpiGrouping)) throw new UsageError('--by must be batch, collector or stage.');
    for (const k of ['from', 'to'] as const) if (values[k] !== undefined && !DAY.test(values[k] ?? '')) throw new UsageError(`--${k} must be a date YYYY-MM-DD.`);
    const db = await openFromEnv(dataDirFrom(values.data, env), env);
    try {
      const now = clockFromEnv(env).now();
      settlePromises(db, agencyDay(now), now.toISOString());
      const r = kpiReport(db, resolveActor(db, values.as), { clientCode: values.client, by: values.by as KpiGrouping | undefined, from: values.from, to: values.to, batchId: values.batch }, agencyDay(now));
      const line = (label: string, f: typeof r.total) =>
        `${label.padEnd(20)} cases ${String(f.cases).padStart(7)}  placed ${yuan(f.placedFen).padStart(14)}  recovered ${yuan(f.recoveredFen).padStart(12)} (${pct(f.recoveryRateAmount)} / ${pct(f.recoveryRateCount)})  worked ${f.workedCases}  contact ${pct(f.contactRate)}  RPC ${pct(f.rpcRate)}  PTP ${pct(f.ptpRate)}  kept ${pct(f.ptpKeptRateCount)} / ${pct(f.ptpKeptRateAmount)}  commission ${yuan(f.commissionFen)}`;
      out.result({ ...r }, [line('total', r.total), ...r.rows.map((row) => line(row.label, row))].join('\n'));
    } finally {
      db.close();
    }
  },
};
