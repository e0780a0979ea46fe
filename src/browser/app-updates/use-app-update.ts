import { useEffect } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

const CHECK_FOR_UPDATES_EVERY_MS = 60 * 60_000;

/**
 * Registers the service worker and applies a new app version only when the
 * caller says it is safe: between visitors, never mid-guide, because
 * applying it reloads the page.
 */
export function useAppUpdate(safeToReload: boolean): { updateWaiting: boolean } {
  const {
    needRefresh: [updateWaiting],
    updateServiceWorker,
  } = useRegisterSW({
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

  return { updateWaiting };
}
