/** The hub's tunables; tests move the clock. */
export interface HubConfig {
  /** stations (and records) below this schema version are answered update_required */
  minSchemaVersion: number;
  /** a request or record dated further ahead of the hub's clock is refused with clock_ahead */
  maxAheadMs: number;
  /** a request dated further behind is refused as stale (the nonce window) */
  maxBehindMs: number;
  /** the wall clock, Unix ms */
  now: () => number;
}

export const DEFAULT_CONFIG: HubConfig = {
  minSchemaVersion: 1,
  maxAheadMs: 2 * 60_000,
  maxBehindMs: 5 * 60_000,
  now: Date.now,
};
