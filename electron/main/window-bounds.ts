import type { Rectangle } from 'electron';
import type { WindowBounds } from './prefs';

/**
 * The saved bounds if the window would still show on one of today's displays (at least 100×50 px of it
 * inside a work area); otherwise only the size, so the window opens centred. Null when nothing was saved.
 */
export function placeWindow(saved: WindowBounds | null, workAreas: readonly Rectangle[]): Partial<Rectangle> | null {
  if (!saved) return null;
  const size = { width: saved.width, height: saved.height };
  if (saved.x === undefined || saved.y === undefined) return size;
  const { x, y } = saved;
  const visible = workAreas.some((a) => {
    const w = Math.min(x + saved.width, a.x + a.width) - Math.max(x, a.x);
    const h = Math.min(y + saved.height, a.y + a.height) - Math.max(y, a.y);
    return w >= 100 && h >= 50;
  });
  return visible ? { ...size, x, y } : size;
}
