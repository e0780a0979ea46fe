import { useCallback, useEffect } from 'react';
import { useRegisterSWWhenIdle } from './register-when-idle.ts';

const CHECK_FOR_UPDATES_EVERY_MS = 60 * 60_000;

/**
 * Registers the service worker and applies a new app version only when the
 * caller says it is safe: between visitors, never mid-guide, because
 * applying it reloads the page. `applyWaitingUpdate` applies a waiting
 * version at once, for the moment the kiosk starts over (the visitor has gone).
 */
export function useAppUpdate(safeToReload: boolean): {
  updateWaiting: boolean;
  applyWaitingUpdate: () => Promise<void>;
} {
  const {
    needRefresh: [updateWaiting],
    updateServiceWorker,
  } = useRegisterSWWhenIdle({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (!navigator.onLine || registration.installing) return;
        registration.update().catch(() => undefined); // offline or server down: try next time
      }, CHECK_FOR_UPDATES_EVERY_MS);
    },
  });

  useEffect(() => {
    if (updateWaiting && safeToReload) void updateServiceWorker(true);
  }, [updateWaiting, safeToReload, updateServiceWorker]);

  const applyWaitingUpdate = useCallback(
    () => (updateWaiting ? updateServiceWorker(true) : Promise.resolve()),
    [updateWaiting, updateServiceWorker],
  );

  return { updateWaiting, applyWaitingUpdate };
}
