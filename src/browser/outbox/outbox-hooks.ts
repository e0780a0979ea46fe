import { sharedLiveQuery, useLiveQuery } from '../local-db/use-live-query.ts';
import { kioskDb, type OutboxHelpCall } from '../local-db/kiosk-db.ts';
import { countOutbox, readCurrentHelpCall } from './outbox-records.ts';

/** The call the visitor panel shows; null when none, undefined while the database opens. */
export const useCurrentHelpCall: () => OutboxHelpCall | null | undefined = sharedLiveQuery(() =>
  readCurrentHelpCall(kioskDb),
);

/** For the setup screen: calls still waiting to be sent, and calls the server refused. */
export function useOutboxCounts(): { waitingToSend: number; refused: number } | undefined {
  return useLiveQuery(() => countOutbox(kioskDb), []);
}
