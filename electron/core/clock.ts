/** Time source, injectable so that rules and lockouts are testable without waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

/**
 * A clock that runs from a given instant (COLLECTDESK_NOW, for demos and end-to-end tests that need a fixed time of
 * day); the real clock otherwise.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const start = env.COLLECTDESK_NOW ? Date.parse(env.COLLECTDESK_NOW) : NaN;
  if (Number.isNaN(start)) return systemClock;
  const offset = start - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** The agency's calendar day: the workstation's own zone (promise dates, the queue's "today"). */
export function agencyDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
