import type BetterSqlite3 from 'better-sqlite3';
import { sql as init } from './0001-init';
import { sql as queueIndexes } from './0002-queue-indexes';
import { sql as kpiIndexes } from './0004-kpi-indexes';
import { sql as syncSchedule } from './0003-sync-schedule';
import { sql as kpiAggregates } from './0005-kpi-aggregates';
import { data as kpiDaysData, sql as kpiDays } from './0006-kpi-days';
import { sql as promiseIndex } from './0007-promise-index';
import { sql as kpiRecent } from './0008-kpi-recent';
import { sql as paymentReversals } from './0009-payment-reversals';
import { sql as recallBatch } from './0010-recall-batch';
import { sql as paymentApplied } from './0011-payment-applied';
import { sql as balanceAdjustments } from './0012-balance-adjustments';
import { data as auditSealsData, sql as auditSeals } from './0013-audit-seals';
import { sql as activityConsent } from './0014-activity-consent';
import { sql as reviewQueue } from './0015-review-queue';
import { sql as station } from './0016-station';
import { sql as assignmentOps } from './0017-assignment-ops-staff-no';
import { sql as backupSchedule } from './0018-backup-schedule';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * A data step that SQL alone cannot do (e.g. values computed in TypeScript), run once right after `sql` in the same
   * transaction. Not part of the hash (its compiled text differs between builds): never change what an applied one does.
   */
  data?: (db: BetterSqlite3.Database) => void;
}

/** Numbered migrations, in order. Versions only go up; an applied migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001-init', sql: init },
  { version: 2, name: '0002-queue-indexes', sql: queueIndexes },
  { version: 3, name: '0003-sync-schedule', sql: syncSchedule },
  { version: 4, name: '0004-kpi-indexes', sql: kpiIndexes },
  { version: 5, name: '0005-kpi-aggregates', sql: kpiAggregates },
  { version: 6, name: '0006-kpi-days', sql: kpiDays, data: kpiDaysData },
  { version: 7, name: '0007-promise-index', sql: promiseIndex },
  { version: 8, name: '0008-kpi-recent', sql: kpiRecent },
  { version: 9, name: '0009-payment-reversals', sql: paymentReversals },
  { version: 10, name: '0010-recall-batch', sql: recallBatch },
  { version: 11, name: '0011-payment-applied', sql: paymentApplied },
  { version: 12, name: '0012-balance-adjustments', sql: balanceAdjustments },
  { version: 13, name: '0013-audit-seals', sql: auditSeals, data: auditSealsData },
  { version: 14, name: '0014-activity-consent', sql: activityConsent },
  { version: 15, name: '0015-review-queue', sql: reviewQueue },
  { version: 16, name: '0016-station', sql: station },
  { version: 17, name: '0017-assignment-ops-staff-no', sql: assignmentOps },
  { version: 18, name: '0018-backup-schedule', sql: backupSchedule },
];
