import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from './menu';

describe('menuTemplate', () => {
  const roles = (m: ReturnType<typeof menuTemplate>) => m.flatMap((i) => (Array.isArray(i.submenu) ? i.submenu.map((s) => s.role) : []));

  it('has Edit (copy, paste) and Help, and no reload or developer tools in production', () => {
    const m = menuTemplate({ language: 'zh-CN', dev: false, mac: false, onAbout: () => {} });
    expect(m.map((i) => i.label)).toEqual(['编辑', '帮助']);
    expect(roles(m)).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll']));
    expect(roles(m)).not.toContain('reload');
    expect(roles(m)).not.toContain('toggleDevTools');
  });

  it('adds View in development and the app menu on macOS; About calls back', () => {
    const onAbout = vi.fn();
    const m = menuTemplate({ language: 'en', dev: true, mac: true, onAbout });
    expect(m.map((i) => i.label ?? i.role)).toEqual(['appMenu', 'Edit', 'View', 'Help']);
    expect(roles(m)).toContain('reload');
    const help = m.at(-1)?.submenu;
    if (Array.isArray(help)) help[0]?.click?.({} as never, undefined, {} as never);
    expect(onAbout).toHaveBeenCalledOnce();
  });
});
