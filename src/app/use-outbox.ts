import { flagDeviceProblem, usableDeviceToken } from '../browser/device/kiosk-device-records.ts';
import { kioskDb } from '../browser/local-db/kiosk-db.ts';
import { useLazyProcess } from './use-lazy-process.ts';

const loadOutbox = () => import('../browser/outbox/outbox-schedule.ts');

const startOutbox = ({ startOutbox }: Awaited<ReturnType<typeof loadOutbox>>) => {
  const schedule = startOutbox({
    db: kioskDb,
    // No token while the tablet needs pairing again: calls wait on the tablet meanwhile.
    getDeviceToken: () => usableDeviceToken(kioskDb),
    onDeviceProblem: async ({ code, token }) => {
      await flagDeviceProblem(kioskDb, token, code);
    },
    onError: (error) => {
      console.warn('The outbox could not run; it tries again shortly.', error);
    },
  });
  return () => {
    schedule.stop();
  };
};

/** Sends the tablet's help calls for as long as the app is open. */
export function useOutbox(enabled: boolean): void {
  useLazyProcess('outbox', loadOutbox, startOutbox, enabled);
}
