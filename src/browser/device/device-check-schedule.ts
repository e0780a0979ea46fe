import { refreshDevice, type DeviceApiOptions } from './device-enrollment.ts';

/**
 * Asks the server who the tablet is at start, whenever the network comes
 * back, and every half hour: a new name or place, new branch settings, or a
 * revoked pairing reach the tablet without anyone touching it.
 */
export function scheduleDeviceCheck(
  options: DeviceApiOptions & { intervalMs?: number; onError?: (error: unknown) => void },
): () => void {
  const { intervalMs = 30 * 60_000, onError = () => undefined } = options;
  const check = () => {
    refreshDevice(options).catch(onError);
  };
  window.addEventListener('online', check);
  const interval = setInterval(check, intervalMs);
  check();
  return () => {
    window.removeEventListener('online', check);
    clearInterval(interval);
  };
}
