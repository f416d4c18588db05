/**
 * A named point of a sync round where a test may stop the process (test/hub/convergence-processes.test.ts SIGKILLs
 * `hub sync --once` there). Only under `COLLECTDESK_HUB_PAUSE=<point>`: the round writes "hub sync paused at <point>"
 * on stderr and waits for ever. Unset (always, outside that test) it does nothing.
 *
 * - `pushed`: the hub has stored and acknowledged a push, the station has not yet deleted those outbox rows
 * - `pulled`: a pulled page and its cursor are committed, the hub has not yet been told (ack)
 */
export type PausePoint = 'pushed' | 'pulled';

export async function pauseAt(point: PausePoint, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env.COLLECTDESK_HUB_PAUSE !== point) return;
  process.stderr.write(`hub sync paused at ${point}\n`);
  await new Promise<never>(() => {
    setInterval(() => undefined, 60_000);
  });
}
