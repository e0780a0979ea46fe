import { useTranslation } from 'react-i18next';
import { AdminPage } from './AdminPage.tsx';

/** Logged in with the staff role: the admin area is not theirs, the help calls are. */
export function RoleMissing() {
  const { t } = useTranslation('admin');
  return (
    <AdminPage title={t('roleMissing.title')} intro={t('roleMissing.body')}>
      <p>
        {/* A plain link: /staff is another area of the app, outside this router. */}
        <a className="staff-button staff-button-primary" href="/staff">
          {t('roleMissing.toStaff')}
        </a>
      </p>
    </AdminPage>
  );
}
