/**
 * Pairing as the kiosk's screens start it. The enrollment code is loaded
 * after the first render (the device check uses it too), never before the
 * visitor's start screen shows.
 */
import { kioskDb } from '../local-db/kiosk-db.ts';
import type { PairingOutcome } from './device-enrollment.ts';

export type { PairingOutcome };

/** Pairs with a librarian's code; on success, fetches the branch's own guides straight away. */
export async function pairThisTablet(code: string): Promise<PairingOutcome> {
  const { pairDevice } = await import('./device-enrollment.ts');
  const outcome = await pairDevice(code);
  if (outcome.status === 'paired') {
    import('../content-sync/content-sync.ts')
      .then(({ syncContent }) => syncContent({ db: kioskDb }))
      .catch((error: unknown) => {
        console.warn(
          'The new branch content could not be fetched yet; the sync tries again.',
          error,
        );
      });
  }
  return outcome;
}
