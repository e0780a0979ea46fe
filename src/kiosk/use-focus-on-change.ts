import { useEffect, useRef } from 'react';

/**
 * Moves focus to the element (a screen's heading) when it appears and each
 * time `key` changes, and shows the top of the page, so a screen reader and
 * the eye both start on the new screen or step from its title. The element
 * needs tabIndex={-1}.
 */
export function useFocusOnChange<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    document.documentElement.scrollTop = 0;
    ref.current?.focus({ preventScroll: true });
  }, [key]);
  return ref;
}
