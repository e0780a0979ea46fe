import { useEffect, useState } from 'react';
import { pairingOf } from '../../browser/device/kiosk-device-records.ts';
import { useKioskDevice } from '../../browser/device/kiosk-device-hooks.ts';
import { useCurrentHelpCall } from '../../browser/outbox/outbox-hooks.ts';
import { useOnline } from '../use-online.ts';
import { helpCallView, type HelpCallView } from './help-call-view.ts';

/**
 * What the visitor panel says about the current call, kept up to date as
 * the outbox stores news and as time passes (the info desk hint after two
 * minutes, "Done" going away).
 */
export function useHelpCallView(): HelpCallView | null {
  const call = useCurrentHelpCall();
  const device = useKioskDevice();
  const online = useOnline();
  const [now, setNow] = useState(() => Date.now());
  // The device row loads with the call; until then, do not claim the tablet needs setup.
  const pairing = device === undefined ? 'paired' : pairingOf(device);
  const view = helpCallView(call, { now: Math.max(now, call?.createdAt ?? 0), online, pairing });
  const changesAt = view?.changesAt ?? null;

  useEffect(() => {
    if (changesAt === null) return;
    const timer = setTimeout(
      () => {
        setNow(Date.now());
      },
      Math.max(0, changesAt - Date.now()) + 20,
    );
    return () => {
      clearTimeout(timer);
    };
  }, [changesAt]);

  return view;
}
