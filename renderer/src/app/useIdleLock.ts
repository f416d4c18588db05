import { useEffect } from 'react';
import { activityPulseMs, pulse } from './pulse';

const EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` after `minutes` without any input in the window (0: never). Any input restarts the count, and
 * calls `onActive` at most about once a minute: in browser mode the host decides when a session is idle (it only
 * sees requests), so input with no request in between still tells it the user is there.
 */
export function useIdleLock(minutes: number, onIdle: () => void, onActive: () => void): void {
  useEffect(() => {
    if (minutes <= 0) return;
    let timer = window.setTimeout(onIdle, minutes * 60_000);
    const active = pulse(activityPulseMs(minutes), onActive);
    const reset = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, minutes * 60_000);
      active();
    };
    for (const e of EVENTS) window.addEventListener(e, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of EVENTS) window.removeEventListener(e, reset);
    };
  }, [minutes, onIdle, onActive]);
}
