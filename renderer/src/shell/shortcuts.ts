import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  help(): void;
  search(): void;
  /** Alt+1…9: the n-th visible navigation item (0-based) */
  go(index: number): void;
}

/**
 * The shortcuts the help overlay lists, as i18n keys (keys shown as printed on the keyboard): pressed together
 * (Alt + 1), or `either` one of them (↑ / ↓ / J / K).
 */
export const SHORTCUTS: { keys: string[]; either?: true; label: string }[] = [
  { keys: ['?'], label: 'shortcuts.help' },
  { keys: ['/'], label: 'shortcuts.search' },
  { keys: ['Alt', '1…7'], label: 'shortcuts.navigate' },
  { keys: ['↑', '↓', 'J', 'K'], either: true, label: 'shortcuts.moveRows' },
  { keys: ['Enter'], label: 'shortcuts.openCase' },
  { keys: ['1…9', '0'], either: true, label: 'shortcuts.resultCode' },
  { keys: ['Ctrl', 'Enter'], label: 'shortcuts.saveOutcome' },
  { keys: ['Ctrl', 'Shift', 'Enter'], label: 'shortcuts.saveNext' },
  { keys: ['Alt', 'N'], label: 'shortcuts.nextCase' },
  { keys: ['Enter'], label: 'shortcuts.submit' },
  { keys: ['Esc'], label: 'shortcuts.close' },
];

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Window-wide keys of the signed-in shell; ignored while the user types in a field. */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit[1-9]$/.test(e.code)) {
        e.preventDefault();
        ref.current.go(Number(e.code.slice(5)) - 1);
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      if (document.querySelector('[role="dialog"], [role="menu"]')) return;
      if (e.key === '?') {
        e.preventDefault();
        ref.current.help();
      } else if (e.key === '/') {
        e.preventDefault();
        ref.current.search();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
