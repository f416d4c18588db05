import { useEffect, useRef } from 'react';

interface Handlers {
  save(): void;
  saveNext(): void;
  next(): void;
}

/**
 * The case screen's keys, also while typing in a field (the notes): Ctrl+Enter saves the outcome, Ctrl+Shift+Enter
 * saves it and opens the queue's next case, Alt+N opens the next case without saving (the outcome stays a draft).
 * Not while a dialog asks something. Caught before the focused control (capture), so Enter with Ctrl never opens a list.
 */
export function useCaseKeys(handlers: Handlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.metaKey || document.querySelector('[role="dialog"]')) return;
      if (e.key === 'Enter' && e.ctrlKey && !e.altKey) {
        // Before the focused control sees it (a select would open its list on Enter).
        e.preventDefault();
        e.stopPropagation();
        if (e.shiftKey) ref.current.saveNext();
        else ref.current.save();
      } else if (e.altKey && !e.ctrlKey && !e.shiftKey && e.code === 'KeyN') {
        e.preventDefault();
        ref.current.next();
      }
    }
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
