import { useEffect, useState } from 'react';
import { activityPulseMs, pulse } from './pulse';

const EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** How long before the lock the warning shows: a minute, or half the idle time when that is shorter. */
export function warningLeadMs(minutes: number): number {
  return Math.min(60_000, (minutes * 60_000) / 2);
}

/**
 * Calls `onIdle` after `minutes` without any input in the window (0: never), and answers the seconds left while the
 * warning is due (a minute before), else null. Any input restarts the count (and hides the warning), and calls
 * `onActive` at most about once a minute: in browser mode the host decides when a session is idle (it only sees
 * requests), so input with no request in between still tells it the user is there.
 */
export function useIdleLock(minutes: number, onIdle: () => void, onActive: () => void): number | null {
  const [warning, setWarning] = useState<number | null>(null);
  useEffect(() => {
    if (minutes <= 0) return;
    const idleMs = minutes * 60_000;
    const leadMs = warningLeadMs(minutes);
    let timer = 0;
    let warnTimer = 0;
    const arm = () => {
      timer = window.setTimeout(onIdle, idleMs);
      warnTimer = window.setTimeout(() => setWarning(Math.round(leadMs / 1000)), idleMs - leadMs);
    };
    arm();
    const active = pulse(activityPulseMs(minutes), onActive);
    const reset = (): void => {
      window.clearTimeout(timer);
      window.clearTimeout(warnTimer);
      setWarning(null);
      arm();
      active();
    };
    for (const e of EVENTS) window.addEventListener(e, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      window.clearTimeout(warnTimer);
      setWarning(null);
      for (const e of EVENTS) window.removeEventListener(e, reset);
    };
  }, [minutes, onIdle, onActive]);
  return warning;
}
