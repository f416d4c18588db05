import { useEffect, useRef } from 'react';

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

interface Handlers {
  move(delta: number): void;
  open(): void;
}

/**
 * The queue's keys outside the grid's cells and outside any field, wherever the focus was left (a filter chip, a
 * column header, the pager): J/K move the highlighted row, and ↑/↓ and Enter too when no control has the focus.
 * (`/` to search belongs to the shell.)
 */
export function useQueueKeys(handlers: Handlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      // A grid cell's keys are the grid's own (QueueGrid); its headers and footer leave J/K to the queue.
      if (e.target instanceof HTMLElement && e.target.closest('[role="gridcell"]')) return;
      if (document.querySelector('[role="dialog"], [role="menu"], [role="listbox"]')) return;
      const key = e.key.toLowerCase();
      // Arrows and Enter belong to a focused control (chip, button, menu); J and K always move the row.
      const free = e.target === document.body || e.target === null;
      if ((key === 'arrowdown' || key === 'arrowup' || key === 'enter') && !free) return;
      if (key === 'arrowdown' || key === 'j') {
        e.preventDefault();
        ref.current.move(1);
      } else if (key === 'arrowup' || key === 'k') {
        e.preventDefault();
        ref.current.move(-1);
      } else if (key === 'enter') {
        e.preventDefault();
        ref.current.open();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
