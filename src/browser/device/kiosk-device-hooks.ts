import { sharedLiveQuery } from '../local-db/use-live-query.ts';
import { kioskDb, type StoredKioskDevice } from '../local-db/kiosk-db.ts';
import { readKioskDevice } from './kiosk-device-records.ts';

/** The tablet's pairing; null when it has never been paired, undefined while the database opens. */
export const useKioskDevice: () => StoredKioskDevice | null | undefined = sharedLiveQuery(
  async () => (await readKioskDevice(kioskDb)) ?? null,
);
