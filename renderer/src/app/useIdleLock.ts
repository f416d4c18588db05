import { useEffect } from 'react';

const EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` after `minutes` without any input in the window (0: never). Any input restarts the count.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  useEffect(() => {
    if (minutes <= 0) return;
    let timer = window.setTimeout(onIdle, minutes * 60_000);
    const reset = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, minutes * 60_000);
    };
    for (const e of EVENTS) window.addEventListener(e, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of EVENTS) window.removeEventListener(e, reset);
    };
  }, [minutes, onIdle]);
}
