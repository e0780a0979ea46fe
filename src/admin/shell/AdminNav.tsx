import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { hasRole, type StaffRole } from '../../shared/api/accounts.ts';
import { confirmLeave } from './navigation-guard.ts';

/** The admin area's parts, with the role each needs, in the order of the nav. */
export const ADMIN_SECTIONS = [
  { path: '/guides', key: 'guides', role: 'editor' },
  { path: '/translations', key: 'translations', role: 'editor' },
  { path: '/packs', key: 'packs', role: 'editor' },
  { path: '/users', key: 'users', role: 'admin' },
  { path: '/branches', key: 'branches', role: 'admin' },
  { path: '/tablets', key: 'tablets', role: 'admin' },
  // Editors read the review age (it flags their guides); only admins change it.
  { path: '/settings', key: 'settings', role: 'editor' },
] as const satisfies readonly { path: string; key: string; role: StaffRole }[];

const isIn = (location: string, path: string) =>
  location === path || location.startsWith(`${path}/`);

export function AdminNav({ role }: { role: StaffRole }) {
  const { t } = useTranslation('admin');
  const [location] = useLocation();
  return (
    <nav className="admin-nav" aria-label={t('nav.label')}>
      <ul>
        {ADMIN_SECTIONS.filter((section) => hasRole(role, section.role)).map((section) => (
          <li key={section.path}>
            <Link
              href={section.path}
              className="admin-nav-link"
              aria-current={isIn(location, section.path) ? 'page' : undefined}
              onClick={(event) => {
                if (!confirmLeave()) event.preventDefault();
              }}
            >
              {t(`nav.${section.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
