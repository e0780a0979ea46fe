import { useEffect, useRef } from 'react';

/**
 * A press held for `ms` (staff's hidden way into setup). Lifting, leaving
 * or cancelling the touch stops it; the long-press menu of touch browsers is
 * suppressed on the element.
 */
export function useLongPress(ms: number, onLongPress: () => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cancel = () => {
    clearTimeout(timer.current);
  };
  useEffect(() => cancel, []);
  return {
    onPointerDown: () => {
      cancel();
      timer.current = setTimeout(onLongPress, ms);
    },
    onPointerUp: cancel,
    onPointerLeave: cancel,
    onPointerCancel: cancel,
    onContextMenu: (event: { preventDefault: () => void }) => {
      event.preventDefault();
    },
  };
}
