import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// electron-store needs Electron's app; `conf` (what it wraps) is the same store given a folder.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class StoreInFolder extends Conf<Record<string, unknown>> {
    constructor(o: { name: string; cwd: string; clearInvalidConfig?: boolean; accessPropertiesByDotNotation?: boolean }) {
      super({ configName: o.name, cwd: o.cwd, projectName: 'collectdesk-test', clearInvalidConfig: o.clearInvalidConfig, accessPropertiesByDotNotation: o.accessPropertiesByDotNotation });
    }
  }
  return { default: StoreInFolder };
});

const { createDesktopPrefs, PREFS_NAME } = await import('./prefs');
const { jsonFilePreferences } = await import('../core/app/preferences');

describe('desktop preferences (electron-store)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cd-prefs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts from the defaults and keeps language, theme and window bounds', () => {
    const prefs = createDesktopPrefs(dir);
    expect(prefs.get()).toEqual({ language: 'zh-CN', theme: 'light', idleLockMinutes: 15 });
    expect(prefs.windowBounds()).toBeNull();
    expect(prefs.set({ language: 'en', idleLockMinutes: 5 })).toEqual({ language: 'en', theme: 'light', idleLockMinutes: 5 });
    prefs.saveWindowBounds({ x: 10, y: 20, width: 1300, height: 900, maximized: true });
    const again = createDesktopPrefs(dir);
    expect(again.get()).toEqual({ language: 'en', theme: 'light', idleLockMinutes: 5 });
    expect(again.windowBounds()).toEqual({ x: 10, y: 20, width: 1300, height: 900, maximized: true });
  });

  it('shares language and theme with browser mode (same preferences.json)', () => {
    createDesktopPrefs(dir).set({ theme: 'dark' });
    expect(jsonFilePreferences(join(dir, `${PREFS_NAME}.json`)).get()).toEqual({ language: 'zh-CN', theme: 'dark', idleLockMinutes: 15 });
  });

  it('falls back to the defaults for damaged or foreign values', () => {
    const file = join(dir, `${PREFS_NAME}.json`);
    writeFileSync(file, JSON.stringify({ language: 'fr', theme: 'dark', windowBounds: { width: 'big' } }));
    const prefs = createDesktopPrefs(dir);
    expect(prefs.get()).toEqual({ language: 'zh-CN', theme: 'dark', idleLockMinutes: 15 });
    expect(prefs.windowBounds()).toBeNull();
    expect(() => prefs.set({ language: 'fr' as never })).toThrow();
    writeFileSync(file, '{ not json');
    expect(createDesktopPrefs(dir).get()).toEqual({ language: 'zh-CN', theme: 'light', idleLockMinutes: 15 });
    expect(readFileSync(file, 'utf8')).not.toContain('not json');
  });
});
