/// <reference types="vite-plugin-pwa/vanillajs" />
import { useEffect, useState } from 'react';
import type { RegisterSWOptions } from 'virtual:pwa-register';

/** Register at the latest this long after the page has loaded, busy or not. */
const IDLE_TIMEOUT_MS = 5_000;

/** Runs `then` once the page has loaded and the main thread is idle; returns a cancel. */
function afterLoadAndIdle(then: () => void): () => void {
  let cancelIdle: (() => void) | undefined;
  const whenIdle = () => {
    // Safari before 18 has no requestIdleCallback: a task after load will do.
    if ('requestIdleCallback' in window) {
      const handle = window.requestIdleCallback(then, { timeout: IDLE_TIMEOUT_MS });
      cancelIdle = () => {
        window.cancelIdleCallback(handle);
      };
    } else {
      const timer = setTimeout(then, 0);
      cancelIdle = () => {
        clearTimeout(timer);
      };
    }
  };
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
  return () => {
    window.removeEventListener('load', whenIdle);
    cancelIdle?.();
  };
}

/**
 * useRegisterSW from virtual:pwa-register/react, but registering (and
 * loading workbox-window) only once the page has loaded and is idle: the
 * service worker's precaching never competes with the first render and the
 * first content sync for the network or the main thread.
 */
export function useRegisterSWWhenIdle(options: RegisterSWOptions): {
  needRefresh: [boolean];
  updateServiceWorker: (reloadPage?: boolean) => Promise<void>;
} {
  const [needRefresh, setNeedRefresh] = useState(false);
  const [updateServiceWorker, setUpdateServiceWorker] = useState<
    (reloadPage?: boolean) => Promise<void>
  >(() => () => Promise.resolve());

  useEffect(
    () =>
      afterLoadAndIdle(() => {
        // workbox-window comes in its own chunk, so the start screen does not wait for it.
        import('virtual:pwa-register').then(
          ({ registerSW }) => {
            const update = registerSW({
              ...options,
              // The page has loaded already: no need to wait for its load event again.
              immediate: true,
              onNeedRefresh() {
                setNeedRefresh(true);
                options.onNeedRefresh?.();
              },
            });
            setUpdateServiceWorker(() => update);
          },
          (error: unknown) => {
            // Offline before the chunk was cached: the next start registers.
            console.warn('Could not load the service worker registration', error);
          },
        );
      }),
    // Registered once, like useRegisterSW: later option changes are not applied.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  return { needRefresh: [needRefresh], updateServiceWorker };
}
