import { useEffect, useRef } from 'react';

interface Handlers {
  save(): void;
  saveNext(): void;
  next(): void;
}

/**
 * The case screen's keys, also while typing in a field (the notes): Ctrl+Enter saves the outcome, Ctrl+Shift+Enter
 * saves it and opens the queue's next case, Alt+N opens the next case without saving (the outcome stays a draft).
 * Not while a dialog asks something.
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
        e.preventDefault();
        if (e.shiftKey) ref.current.saveNext();
        else ref.current.save();
      } else if (e.altKey && !e.ctrlKey && !e.shiftKey && e.code === 'KeyN') {
        e.preventDefault();
        ref.current.next();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
