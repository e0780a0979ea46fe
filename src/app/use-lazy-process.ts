import { useEffect } from 'react';

/** When a process's code could not be loaded (first visit, network gone), try again this often. */
const RETRY_LOAD_MS = 60_000;

/**
 * Runs a background process for as long as the app is open. Its code (and
 * the schemas it checks answers with) is loaded after the first render, so
 * it is not part of what the browser must run before the first paint. `load` and `start`
 * must be stable (defined outside the component).
 */
export function useLazyProcess<Module>(
  what: string,
  load: () => Promise<Module>,
  start: (module: Module) => () => void,
  enabled = true,
): void {
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let stop: (() => void) | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const retry = () => {
      window.removeEventListener('online', retry);
      clearTimeout(retryTimer);
      if (!stopped) begin();
    };
    const begin = () => {
      load().then(
        (module) => {
          if (!stopped) stop = start(module);
        },
        (error: unknown) => {
          // Only before the service worker has cached the app: wait for the network.
          console.warn(`Could not load the ${what}; trying again later.`, error);
          window.addEventListener('online', retry);
          retryTimer = setTimeout(retry, RETRY_LOAD_MS);
        },
      );
    };

    begin();
    return () => {
      stopped = true;
      window.removeEventListener('online', retry);
      clearTimeout(retryTimer);
      stop?.();
    };
  }, [what, load, start, enabled]);
}
