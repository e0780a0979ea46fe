/**
 * "You have unsaved changes": a screen with unsaved work registers a
 * question, and the shell asks it before its links, the logout or closing
 * the page take the person away. One guard at a time (one editor is open).
 */
import { useEffect } from 'react';

let question: string | undefined;

/** While `unsaved`, leaving the screen asks `message` first (the browser asks its own on unload). */
export function useLeaveGuard(unsaved: boolean, message: string): void {
  useEffect(() => {
    if (!unsaved) return;
    question = message;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      question = undefined;
      window.removeEventListener('beforeunload', warn);
    };
  }, [unsaved, message]);
}

/** Whether the person may leave: true when nothing is unsaved or they said so. */
export function confirmLeave(): boolean {
  return question === undefined || window.confirm(question);
}
