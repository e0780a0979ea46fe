import { useEffect, useEffectEvent, useState } from 'react';

/** What counts as somebody using the kiosk. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/**
 * How long "Are you still there?" waits for an answer before the kiosk starts
 * over (the issue asks for at least 20 s).
 */
export const ANSWER_WITHIN_SECONDS = 30;

/** Until the first sync brings the library's setting: two minutes, the library's default. */
const DEFAULT_IDLE_RESET_SECONDS = 120;

/**
 * How long nobody touches a visitor's screen before the kiosk asks whether they
 * are still there: the library's setting (LibrarySettings.idleResetSeconds, 30 to
 * 1800 s). A tablet whose stored settings predate it, or none yet, uses the default.
 */
export function askIfStillThereAfterMs(idleResetSeconds: unknown): number {
  const valid =
    typeof idleResetSeconds === 'number' &&
    Number.isInteger(idleResetSeconds) &&
    idleResetSeconds >= 30 &&
    idleResetSeconds <= 1800;
  return (valid ? idleResetSeconds : DEFAULT_IDLE_RESET_SECONDS) * 1000;
}

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

/** Calls `onTimeUp` once `ms` after `running` turned true, unless it turned false first. */
export function useTimeLimit(running: boolean, ms: number, onTimeUp: () => void): void {
  const fire = useEffectEvent(onTimeUp);
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(fire, ms);
    return () => {
      clearTimeout(timer);
    };
  }, [running, ms]);
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
