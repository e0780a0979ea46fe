import { useCallback, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { applyStaffDocumentLanguage, staffI18n } from '../browser/i18n/staff-i18n.ts';
import { hasRole, type StaffUser } from '../shared/api/accounts.ts';
import type { StaffBranch } from '../shared/api/help-calls.ts';
import { BranchPicker } from './BranchPicker.tsx';
import { HelpCallQueue } from './HelpCallQueue.tsx';
import { LoginForm, type LoginNotice } from './LoginForm.tsx';
import { SessionCheck } from './SessionCheck.tsx';
import {
  asApiRequestError,
  logOut,
  NotLoggedInError,
  whoAmI,
  type ApiRequestError,
} from './staff-api.ts';
import { StaffHeader } from './StaffHeader.tsx';
import { StaffLanguageSelect } from './StaffLanguageSelect.tsx';
import { rememberBranch, rememberedBranchId } from './staff-preferences.ts';
import { useHelpCallChime } from './use-help-call-chime.ts';
import './staff.css';

type Session =
  | { state: 'checking'; problem?: ApiRequestError }
  | { state: 'loggedOut'; notice?: LoginNotice }
  | { state: 'loggedIn'; user: StaffUser };

const sessionFor = (user: StaffUser): Session =>
  hasRole(user.role, 'staff')
    ? { state: 'loggedIn', user }
    : { state: 'loggedOut', notice: 'roleMissing' };

/**
 * The staff screen at /staff: log in, choose the branch, then watch its
 * help calls live. Whenever the server says the session is gone (401), the
 * staff member is back at the login with "Log in again".
 */
export function StaffApp() {
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const [checkAttempt, setCheckAttempt] = useState(0);
  const [branchId, setBranchId] = useState(rememberedBranchId);
  const [branchGone, setBranchGone] = useState(false);
  const [logoutProblem, setLogoutProblem] = useState<ApiRequestError>();
  const chime = useHelpCallChime();

  useEffect(() => {
    applyStaffDocumentLanguage();
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    whoAmI(abort.signal).then(
      (user) => {
        setSession(sessionFor(user));
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setSession(
          error instanceof NotLoggedInError
            ? { state: 'loggedOut' }
            : { state: 'checking', problem: asApiRequestError(error) },
        );
      },
    );
    return () => {
      abort.abort();
    };
  }, [checkAttempt]);

  const sessionEnded = useCallback(() => {
    setSession({ state: 'loggedOut', notice: 'sessionEnded' });
  }, []);

  const logOutNow = () => {
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

  const chooseBranch = (branch: StaffBranch) => {
    rememberBranch(branch.id);
    setBranchId(branch.id);
    setBranchGone(false);
  };

  const forgetBranch = useCallback(() => {
    rememberBranch(undefined);
    setBranchId(undefined);
    setBranchGone(true);
  }, []);

  return (
    <I18nextProvider i18n={staffI18n}>
      <div className="staff">
        <StaffHeader
          user={session.state === 'loggedIn' ? session.user : undefined}
          logoutProblem={logoutProblem}
          onLogOut={logOutNow}
        />
        <main className="staff-main">
          {session.state === 'checking' && (
            <SessionCheck
              problem={session.problem}
              onRetry={() => {
                setSession({ state: 'checking' });
                setCheckAttempt((count) => count + 1);
              }}
            />
          )}
          {session.state === 'loggedOut' && (
            <LoginForm
              notice={session.notice}
              onLoggedIn={(user) => {
                setLogoutProblem(undefined);
                setSession(sessionFor(user));
              }}
            />
          )}
          {session.state === 'loggedIn' && branchId === undefined && (
            <BranchPicker
              branchGone={branchGone}
              onChoose={chooseBranch}
              onNotLoggedIn={sessionEnded}
            />
          )}
          {session.state === 'loggedIn' && branchId !== undefined && (
            <HelpCallQueue
              key={branchId}
              branchId={branchId}
              me={session.user}
              chime={chime}
              onChangeBranch={() => {
                setBranchGone(false);
                setBranchId(undefined);
              }}
              onNotLoggedIn={sessionEnded}
              onBranchGone={forgetBranch}
            />
          )}
        </main>
        <footer className="staff-footer">
          <StaffLanguageSelect />
        </footer>
      </div>
    </I18nextProvider>
  );
}
