/** The parts of Lotsen, each at its own path on the same origin. */
export type Area = 'kiosk' | 'staff' | 'admin';

export function areaForPath(pathname: string): Area {
  if (pathname === '/staff' || pathname.startsWith('/staff/')) return 'staff';
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return 'admin';
  return 'kiosk';
}
