import { wrap } from 'comlink';
import type { ContentWork } from './content-work.ts';
import { startContentWorker } from './content-worker-start.ts';

/** Sync and apply, done by the content worker; the same work on this thread where there are no workers. */
export type ContentWorker = ContentWork;

let connected: { to: Worker; remote: ContentWorker } | undefined;

/**
 * The page's one content worker: the one started with the page
 * (content-worker-start.ts), or a new one after it failed.
 */
export function contentWorker(): ContentWorker {
  if (typeof Worker === 'undefined') return onThisThread();
  const started = startContentWorker();
  if (connected?.to !== started.worker) {
    const remote = wrap<ContentWork>(started.worker);
    // A worker whose script did not load (first visit, network gone) answers nothing: what
    // waits for it fails, and the next call starts a new one.
    const failed = new Promise<never>((_resolve, reject) => {
      started.onFailure((failure) => {
        reject(new Error(`The content worker stopped: ${failure}`));
      });
    });
    failed.catch(() => undefined); // reported to whoever waits, if anyone does
    connected = {
      to: started.worker,
      remote: {
        sync: () => Promise.race([remote.sync(), failed]),
        applyStaged: () => Promise.race([remote.applyStaged(), failed]),
      },
    };
  }
  return connected.remote;
}

let onThisThreadWork: ContentWorker | undefined;

function onThisThread(): ContentWorker {
  if (!onThisThreadWork) {
    const work = import('./content-work.ts').then((module) => module.contentWork);
    onThisThreadWork = {
      sync: () => work.then((does) => does.sync()),
      applyStaged: () => work.then((does) => does.applyStaged()),
    };
  }
  return onThisThreadWork;
}
