import { useEffect, useRef } from 'react';

/**
 * Moves focus to a screen's heading when the screen appears, so a screen
 * reader starts on the new screen rather than on a control that vanished.
 * The heading needs tabIndex={-1}.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return ref;
}
