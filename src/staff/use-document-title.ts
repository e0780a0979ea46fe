import { useEffect } from 'react';

/** Names the browser tab after the screen (WCAG 2.4.2); the queue puts its count of waiting calls first. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
