import type { MenuItemConstructorOptions } from 'electron';
import type { Preferences } from '../../shared/contract/schemas';

const LABELS = {
  'zh-CN': { edit: '编辑', view: '视图', help: '帮助', about: '关于 CollectDesk' },
  en: { edit: 'Edit', view: 'View', help: 'Help', about: 'About CollectDesk' },
} as const satisfies Record<Preferences['language'], Record<string, string>>;

export interface MenuOptions {
  language: Preferences['language'];
  /** development build: View (reload, developer tools) */
  dev: boolean;
  mac: boolean;
  onAbout: () => void;
}

/** A minimal menu: Edit (copy and paste work in every field), View only in development, Help › About. */
export function menuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[o.language];
  const menu: MenuItemConstructorOptions[] = [];
  if (o.mac) menu.push({ role: 'appMenu' });
  menu.push({
    label: t.edit,
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  if (o.dev) menu.push({ label: t.view, submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] });
  menu.push({ label: t.help, role: 'help', submenu: [{ label: t.about, click: () => o.onAbout() }] });
  return menu;
}
