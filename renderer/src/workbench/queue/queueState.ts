import { useCallback, useRef, useState, type RefObject } from 'react';
import type { CaseListQuery, QUEUE_DUE, QUEUE_SORTS } from '../../../../shared/contract/schemas';

export type QueueDue = (typeof QUEUE_DUE)[number];
export type QueueSort = Exclude<(typeof QUEUE_SORTS)[number], 'default'>;

/** Balance bands in fen (1 万元 = 1,000,000 fen). */
export const BALANCE_BANDS = {
  lt10k: [undefined, 999_999],
  '10k-50k': [1_000_000, 4_999_999],
  '50k-100k': [5_000_000, 9_999_999],
  '100k-200k': [10_000_000, 19_999_999],
  gte200k: [20_000_000, undefined],
} as const satisfies Record<string, readonly [number | undefined, number | undefined]>;
export type BalanceBand = keyof typeof BALANCE_BANDS;

export const STAGES = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7+'] as const;
export const STATUSES = ['new', 'working', 'ptp', 'plan', 'paid', 'disputed', 'legal', 'recalled', 'closed'] as const;

export interface QueueFilters {
  due?: QueueDue;
  clientCode?: string;
  stage?: string;
  status?: string;
  band?: BalanceBand;
  batchId?: string;
}

export interface QueueState {
  search: string;
  filters: QueueFilters;
  page: number;
  pageSize: number;
  sort: { field: QueueSort; dir: 'asc' | 'desc' } | null;
  /** the highlighted row (keyboard) */
  selectedId: string | null;
}

const INITIAL: QueueState = { search: '', filters: {}, page: 0, pageSize: 50, sort: null, selectedId: null };

export interface QueueStore {
  state: QueueState;
  update(patch: Partial<QueueState>): void;
  /** a filter change goes back to the first page */
  setFilters(filters: QueueFilters): void;
  /** the last `/` request the search box answered (so coming back to the queue does not steal the keyboard) */
  searchHandled: RefObject<number>;
}

/** The queue's search, filters, page, order and selection; held by the shell so they survive opening a case. */
export function useQueueState(initial: QueueState = INITIAL): QueueStore {
  const [state, setState] = useState<QueueState>(initial);
  const update = useCallback((patch: Partial<QueueState>) => setState((s) => ({ ...s, ...patch })), []);
  const setFilters = useCallback((filters: QueueFilters) => setState((s) => ({ ...s, filters, page: 0 })), []);
  const searchHandled = useRef(0);
  return { state, update, setFilters, searchHandled };
}

/** The state as a cases.list query: paging, sorting and filters are done by the core in SQLite. */
export function toQuery(s: QueueState): CaseListQuery {
  const f = s.filters;
  const band = f.band ? BALANCE_BANDS[f.band] : undefined;
  const search = s.search.trim();
  return {
    page: s.page,
    pageSize: s.pageSize,
    sort: s.sort?.field ?? 'default',
    dir: s.sort?.dir ?? 'desc',
    ...(search ? { search } : {}),
    ...(f.due ? { due: f.due } : {}),
    ...(f.clientCode ? { clientCode: f.clientCode } : {}),
    ...(f.stage ? { stage: f.stage } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.batchId ? { batchId: f.batchId } : {}),
    ...(band?.[0] !== undefined ? { minBalanceFen: band[0] } : {}),
    ...(band?.[1] !== undefined ? { maxBalanceFen: band[1] } : {}),
  };
}
