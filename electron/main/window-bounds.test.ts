import { describe, expect, it } from 'vitest';
import { placeWindow } from './window-bounds';

const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

describe('placeWindow', () => {
  it('restores bounds that are still on a display', () => {
    expect(placeWindow({ x: 100, y: 50, width: 1200, height: 800, maximized: false }, screen)).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
  });

  it('keeps only the size when the display it was on is gone', () => {
    expect(placeWindow({ x: 2500, y: 100, width: 1200, height: 800, maximized: false }, screen)).toEqual({ width: 1200, height: 800 });
  });

  it('gives nothing when nothing was saved', () => {
    expect(placeWindow(null, screen)).toBeNull();
  });
});
