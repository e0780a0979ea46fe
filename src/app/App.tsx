import { useState } from 'react';
import { useAppUpdate } from '../browser/app-updates/use-app-update.ts';
import { KioskApp } from '../kiosk/KioskApp.tsx';
import { areaForPath } from './areas.ts';
import { useContentSync } from './use-content-sync.ts';

/**
 * Composes the app: picks the area by path, keeps content in sync and
 * applies app updates when the kiosk is idle on its start screen.
 */
export function App() {
  const area = areaForPath(window.location.pathname);
  const [safeToReload, setSafeToReload] = useState(false);
  useContentSync();
  useAppUpdate(safeToReload);

  switch (area) {
    // The staff and admin areas will be React.lazy(() => import('../staff/StaffApp.tsx')) and
    // '../admin/AdminApp.tsx' here, inside <Suspense>, so the kiosk never downloads them.
    case 'staff':
    case 'admin':
    case 'kiosk':
      return <KioskApp onSafeToReloadChange={setSafeToReload} />;
  }
}
