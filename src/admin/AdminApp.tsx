import { useCallback, useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { Router } from 'wouter';
import { adminI18n } from '../browser/i18n/admin-i18n.ts';
import { applyDocumentLanguage } from '../browser/i18n/locale-namespace.ts';
import { hasRole, type StaffUser } from '../shared/api/accounts.ts';
import { LoginForm, type LoginNotice } from '../staff/LoginForm.tsx';
import { SessionCheck } from '../staff/SessionCheck.tsx';
import {
  asApiRequestError,
  logOut,
  NotLoggedInError,
  whoAmI,
  type ApiRequestError,
} from '../staff/staff-api.ts';
import { fetchSetupStatus, onSessionEnded } from './admin-api.ts';
import { AdminArea } from './shell/AdminArea.tsx';
import { AdminHeader } from './shell/AdminHeader.tsx';
import { CurrentUserContext } from './shell/current-user.ts';
import { FirstAdminSetup } from './shell/FirstAdminSetup.tsx';
import { confirmLeave } from './shell/navigation-guard.ts';
import { RoleMissing } from './shell/RoleMissing.tsx';
import { StaffStrings } from './shell/StaffStrings.tsx';
import '../staff/staff.css';
import './admin.css';

type Session =
  | { state: 'checking'; problem?: ApiRequestError }
  | { state: 'setup' }
  | { state: 'loggedOut'; notice?: LoginNotice }
  | { state: 'loggedIn'; user: StaffUser };

/** Lotsen needs an admin first; then whoever is logged in, if anyone. */
async function startingSession(signal: AbortSignal): Promise<Session> {
  if ((await fetchSetupStatus(signal)).needsFirstAdmin) return { state: 'setup' };
  try {
    return { state: 'loggedIn', user: await whoAmI(signal) };
  } catch (error) {
    if (error instanceof NotLoggedInError) return { state: 'loggedOut' };
    throw error;
  }
}

/**
 * The admin area at /admin: the one-time setup of the first admin, then
 * login, then guides, translations and packs for editors, and accounts,
 * branches, tablets and settings for admins. Whenever the server says the
 * session is gone (401), the person is back at the login with a notice.
 */
export function AdminApp() {
  return (
    <I18nextProvider i18n={adminI18n}>
      <Router base="/admin">
        <AdminSession />
      </Router>
    </I18nextProvider>
  );
}

function AdminSession() {
  const { t } = useTranslation('admin');
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const [checkAttempt, setCheckAttempt] = useState(0);
  const [logoutProblem, setLogoutProblem] = useState<ApiRequestError>();

  useEffect(() => {
    applyDocumentLanguage(adminI18n.language);
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    startingSession(abort.signal).then(setSession, (error: unknown) => {
      if (!abort.signal.aborted) {
        setSession({ state: 'checking', problem: asApiRequestError(error) });
      }
    });
    return () => {
      abort.abort();
    };
  }, [checkAttempt]);

  useEffect(
    () =>
      onSessionEnded(() => {
        setSession({ state: 'loggedOut', notice: 'sessionEnded' });
      }),
    [],
  );

  const loggedIn = useCallback((user: StaffUser) => {
    setLogoutProblem(undefined);
    setSession({ state: 'loggedIn', user });
  }, []);

  const logOutNow = () => {
    if (!confirmLeave()) return;
    setLogoutProblem(undefined);
    logOut().then(
      () => {
        setSession({ state: 'loggedOut', notice: 'loggedOut' });
      },
      (error: unknown) => {
        // Still logged in on the server: saying otherwise would leave the next person in.
        setLogoutProblem(asApiRequestError(error));
      },
    );
  };

  const user = session.state === 'loggedIn' ? session.user : undefined;
  const mayEdit = user !== undefined && hasRole(user.role, 'editor');

  return (
    <div className="staff admin">
      <AdminHeader
        user={user}
        showNav={mayEdit}
        logoutProblem={logoutProblem}
        onLogOut={logOutNow}
      />
      {session.state === 'checking' && (
        <main className="staff-main">
          <StaffStrings>
            <SessionCheck
              problem={session.problem}
              onRetry={() => {
                setSession({ state: 'checking' });
                setCheckAttempt((count) => count + 1);
              }}
            />
          </StaffStrings>
        </main>
      )}
      {session.state === 'setup' && (
        <main className="staff-main">
          <FirstAdminSetup onCreated={loggedIn} />
        </main>
      )}
      {session.state === 'loggedOut' && (
        <main className="staff-main">
          <StaffStrings>
            <LoginForm
              notice={session.notice}
              intro={t('login.intro')}
              documentTitle={t('login.documentTitle')}
              onLoggedIn={loggedIn}
            />
          </StaffStrings>
        </main>
      )}
      {user && !mayEdit && (
        <main className="staff-main">
          <RoleMissing />
        </main>
      )}
      {user && mayEdit && (
        <CurrentUserContext value={user}>
          <main className="staff-main admin-main">
            <AdminArea />
          </main>
        </CurrentUserContext>
      )}
    </div>
  );
}
