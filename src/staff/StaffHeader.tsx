import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../shared/api/accounts.ts';
import { ProblemMessage } from './ProblemMessage.tsx';
import type { ApiRequestError } from './staff-api.ts';

/** The name of the place, and who is logged in with the way out. */
export function StaffHeader({
  user,
  logoutProblem,
  onLogOut,
}: {
  user: StaffUser | undefined;
  logoutProblem: ApiRequestError | undefined;
  onLogOut: () => void;
}) {
  const { t } = useTranslation('staff');
  return (
    <header className="staff-header">
      <p className="staff-brand">
        <span className="staff-brand-name">{t('app.name')}</span>
        <span className="staff-brand-area">{t('app.area')}</span>
      </p>
      {user && (
        <div className="staff-account">
          <p className="staff-user">{t('account.loggedInAs', { email: user.email })}</p>
          <button type="button" className="staff-button staff-button-small" onClick={onLogOut}>
            {t('account.logOut')}
          </button>
        </div>
      )}
      {logoutProblem && (
        <p className="staff-problem" role="alert">
          <ProblemMessage problem={logoutProblem} />
        </p>
      )}
    </header>
  );
}
