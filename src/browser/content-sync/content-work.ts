/**
 * What the content worker does for the page: sync the tablet's content, and
 * apply a staged release. The worker (content-worker.ts) offers these to the
 * page; where there are no workers, the page calls them on its own thread.
 */
import { applyStagedRelease } from '../local-db/content.ts';
import { kioskDb } from '../local-db/kiosk-db.ts';
import { syncContent } from './content-sync.ts';

export const contentWork = {
  sync: () => syncContent({ db: kioskDb }),
  applyStaged: () => applyStagedRelease(kioskDb),
};

export type ContentWork = typeof contentWork;
