import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../../shared/api/accounts.ts';
import type { ApiRequestError } from '../../staff/staff-api.ts';
import { AdminLanguageSelect } from './AdminLanguageSelect.tsx';
import { AdminNav } from './AdminNav.tsx';
import { AdminProblem } from './StaffStrings.tsx';

/** The name of the place, the way around it, who is logged in, the language and the way out. */
export function AdminHeader({
  user,
  showNav,
  logoutProblem,
  onLogOut,
}: {
  user: StaffUser | undefined;
  showNav: boolean;
  logoutProblem: ApiRequestError | undefined;
  onLogOut: () => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <header className="staff-header admin-header">
      <div className="admin-header-top">
        <p className="staff-brand">
          <span className="staff-brand-name">{t('app.name')}</span>
          <span className="staff-brand-area">{t('app.area')}</span>
        </p>
        <div className="staff-account">
          {user && (
            <>
              <p className="staff-user">
                {t('account.loggedInAs', { email: user.email, role: t(`roles.${user.role}`) })}
              </p>
              <button type="button" className="staff-button staff-button-small" onClick={onLogOut}>
                {t('account.logOut')}
              </button>
            </>
          )}
          <AdminLanguageSelect />
        </div>
      </div>
      {logoutProblem && (
        <p className="staff-problem" role="alert">
          <AdminProblem problem={logoutProblem} />
        </p>
      )}
      {user && showNav && <AdminNav role={user.role} />}
    </header>
  );
}
