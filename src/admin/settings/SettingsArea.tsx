import { useTranslation } from 'react-i18next';
import type { LibrarySettingsForAdmins } from '../../shared/api/administration.ts';
import { fetchSettings } from '../admin-api.ts';
import { AdminPage } from '../shell/AdminPage.tsx';
import { QueryProblem } from '../shell/QueryProblem.tsx';
import { useHasRole } from '../shell/current-user.ts';
import { useAdminQuery } from '../shell/use-admin-query.ts';
import { SettingsForm } from './SettingsForm.tsx';

/**
 * Library-wide settings: admins change them, editors read them (the review
 * age flags their guides; the idle time and public address shape the kiosks).
 */
export function SettingsArea() {
  const { t } = useTranslation('admin');
  const settings = useAdminQuery(fetchSettings);
  const isAdmin = useHasRole('admin');

  return (
    <AdminPage title={t('settings.title')} intro={t('settings.intro')}>
      {settings.problem && <QueryProblem problem={settings.problem} onRetry={settings.reload} />}
      {!settings.data && !settings.problem && <p role="status">{t('app.loading')}</p>}
      {settings.data && !isAdmin && <SettingsFacts settings={settings.data} />}
      {settings.data && isAdmin && (
        <SettingsForm
          settings={settings.data}
          onSaved={(saved) => {
            settings.update(() => saved);
          }}
        />
      )}
    </AdminPage>
  );
}

function SettingsFacts({ settings }: { settings: LibrarySettingsForAdmins }) {
  const { t } = useTranslation('admin');
  return (
    <div className="admin-card">
      <dl className="staff-facts">
        <div>
          <dt>{t('settings.reviewAfterDays')}</dt>
          <dd>{t('settings.days', { count: settings.reviewAfterDays })}</dd>
        </div>
        <div>
          <dt>{t('settings.idleResetSeconds')}</dt>
          <dd>{t('settings.seconds', { count: settings.idleResetSeconds })}</dd>
        </div>
        <div>
          <dt>{t('settings.publicUrl')}</dt>
          <dd>{settings.publicUrl ?? t('settings.publicUrlNone')}</dd>
        </div>
      </dl>
      <p>{t('settings.adminsChange')}</p>
    </div>
  );
}
