import { lazy, Suspense, useCallback, useState } from 'react';
import { useAppUpdate } from '../browser/app-updates/use-app-update.ts';
import { KioskApp } from '../kiosk/KioskApp.tsx';
import { areaForPath } from './areas.ts';
import { useContentSync } from './use-content-sync.ts';
import { useDeviceCheck } from './use-device-check.ts';
import { useOutbox } from './use-outbox.ts';

// Their own chunks: the kiosk never downloads the staff or admin screens.
const StaffApp = lazy(() =>
  import('../staff/StaffApp.tsx').then((module) => ({ default: module.StaffApp })),
);
const AdminApp = lazy(() =>
  import('../admin/AdminApp.tsx').then((module) => ({ default: module.AdminApp })),
);

/**
 * Composes the app: picks the area by path, keeps content in sync (new
 * guides appear between visitors) and applies app updates when the kiosk is
 * idle on its start screen, or at once when it starts over for the next visitor.
 */
export function App() {
  const area = areaForPath(window.location.pathname);
  const [safeToReload, setSafeToReload] = useState(false);
  const [betweenVisitors, setBetweenVisitors] = useState(false);
  const kiosk = area === 'kiosk';
  // Only tablets keep guides offline, send help calls and check their pairing.
  const { applyStagedGuides } = useContentSync(kiosk, betweenVisitors);
  useOutbox(kiosk);
  useDeviceCheck(kiosk);
  // A staff screen has no visitor to protect: its state comes back from the server after a reload.
  const { applyWaitingUpdate } = useAppUpdate(kiosk ? safeToReload : true);
  // The visitor has gone: what waited for them to leave is applied now. Guides first, as
  // the app update reloads the page (the new version then starts on the new guides).
  const applyPendingUpdates = useCallback(() => {
    applyStagedGuides().then(applyWaitingUpdate).catch(console.error);
  }, [applyStagedGuides, applyWaitingUpdate]);

  switch (area) {
    case 'staff':
      return (
        <Suspense fallback={null}>
          <StaffApp />
        </Suspense>
      );
    case 'admin':
      return (
        <Suspense fallback={null}>
          <AdminApp />
        </Suspense>
      );
    case 'kiosk':
      return (
        <KioskApp
          onSafeToReloadChange={setSafeToReload}
          onBetweenVisitorsChange={setBetweenVisitors}
          onStartOver={applyPendingUpdates}
        />
      );
  }
}
