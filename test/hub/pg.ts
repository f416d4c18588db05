import pg from 'pg';

/**
 * The PostgreSQL the hub tests use: $HUB_TEST_PG_URL, else the machine's (127.0.0.1:5432, database test). Each test
 * run works in schemas of its own (hub_test_<random>_<n>), dropped afterwards. Without a reachable server the
 * PostgreSQL tests skip and say why — except under CI, where they run and fail.
 */
export const PG_URL = process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUN = `hub_test_${Math.random().toString(36).slice(2, 10)}`;
let n = 0;
const made: string[] = [];

export function newSchema(): string {
  const s = `${RUN}_${++n}`;
  made.push(s);
  return s;
}

/** null when PostgreSQL answers; otherwise the sentence saying why the tests skip. */
export async function pgUnavailable(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (err) {
    return `PostgreSQL is not reachable at ${PG_URL.replace(/\/\/[^@]*@/, '//')} (${(err as Error).message}); set HUB_TEST_PG_URL, or start it with pg_ctlcluster`;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Whether the PostgreSQL tests run: always under CI (where an unreachable server fails them). */
export async function pgSkipReason(): Promise<string | null> {
  if (process.env.CI) return null;
  return pgUnavailable();
}

export async function dropSchemas(): Promise<void> {
  if (made.length === 0) return;
  const c = new pg.Client({ connectionString: PG_URL });
  try {
    await c.connect();
    for (const s of made.splice(0)) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    await c.end().catch(() => undefined);
  }
}

export async function pgQuery<T = Record<string, unknown>>(schema: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}
