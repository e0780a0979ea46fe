import { useEffect, useEffectEvent, useState } from 'react';

/** What counts as somebody using the kiosk. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/**
 * Calls `onIdle` once nobody has touched the kiosk for `afterMs`, and
 * `onActive` at every touch or key press. While `enabled` is false nothing
 * is timed; when it turns true again, the wait starts from then.
 */
export function useInactivityTimer(
  afterMs: number,
  onIdle: () => void,
  onActive?: () => void,
  enabled = true,
): void {
  const fireIdle = useEffectEvent(onIdle);
  const fireActive = useEffectEvent(() => onActive?.());
  useEffect(() => {
    if (!enabled) return;
    let timer = setTimeout(fireIdle, afterMs);
    const onActivity = () => {
      clearTimeout(timer);
      timer = setTimeout(fireIdle, afterMs);
      fireActive();
    };
    for (const type of ACTIVITY_EVENTS) {
      window.addEventListener(type, onActivity, { capture: true, passive: true });
    }
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) {
        window.removeEventListener(type, onActivity, { capture: true });
      }
    };
  }, [afterMs, enabled]);
}

/** True while nobody has touched the kiosk for `afterMs`. */
export function useIdle(afterMs: number): boolean {
  const [idle, setIdle] = useState(false);
  useInactivityTimer(
    afterMs,
    () => {
      setIdle(true);
    },
    () => {
      setIdle(false);
    },
  );
  return idle;
}
