import { kioskDb } from '../browser/local-db/kiosk-db.ts';
import { useLazyProcess } from './use-lazy-process.ts';

const loadDeviceCheck = () => import('../browser/device/device-check-schedule.ts');

const startDeviceCheck = ({ scheduleDeviceCheck }: Awaited<ReturnType<typeof loadDeviceCheck>>) =>
  scheduleDeviceCheck({
    db: kioskDb,
    onError: (error) => {
      console.warn('Could not check the tablet with the server; trying again later.', error);
    },
  });

/** Keeps the tablet's name, place, branch settings and pairing state fresh. */
export function useDeviceCheck(enabled: boolean): void {
  useLazyProcess('device check', loadDeviceCheck, startDeviceCheck, enabled);
}
