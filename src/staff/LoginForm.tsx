import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../shared/api/accounts.ts';
import { ProblemMessage } from './ProblemMessage.tsx';
import { asApiRequestError, logIn, type ApiRequestError } from './staff-api.ts';
import { useDocumentTitle } from './use-document-title.ts';
import { useFocusOnMount } from './use-focus-on-mount.ts';

/** Why the login is showing, when there is something to say. */
export type LoginNotice = 'sessionEnded' | 'loggedOut' | 'roleMissing';

/**
 * Email and password, with labels that stay visible and the names password
 * managers look for. Problems are announced (role="alert") and tied to
 * their field.
 */
export function LoginForm({
  notice,
  onLoggedIn,
  intro,
  documentTitle,
}: {
  notice: LoginNotice | undefined;
  onLoggedIn: (user: StaffUser) => void;
  /** What logging in is for, when it is not the staff screen (the admin area says its own). */
  intro?: string;
  documentTitle?: string;
}) {
  const { t } = useTranslation('staff');
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState({ email: false, password: false });
  const [problem, setProblem] = useState<ApiRequestError>();
  const [busy, setBusy] = useState(false);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  useDocumentTitle(documentTitle ?? t('login.documentTitle'));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const nowMissing = { email: email.trim() === '', password: password === '' };
    setMissing(nowMissing);
    setProblem(undefined);
    if (nowMissing.email || nowMissing.password) return;
    setBusy(true);
    logIn({ email: email.trim(), password }).then(onLoggedIn, (error: unknown) => {
      setProblem(asApiRequestError(error));
      setBusy(false);
    });
  };

  const emailErrorId = `${id}-email-error`;
  const passwordErrorId = `${id}-password-error`;

  return (
    <section className="staff-screen staff-login" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('login.title')}
      </h1>
      {notice && (
        <p className="staff-notice" role={notice === 'loggedOut' ? 'status' : 'alert'}>
          {t(`login.${notice}`)}
        </p>
      )}
      <p>{intro ?? t('login.intro')}</p>
      <form className="login-form" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('login.email')}</label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={email}
            aria-invalid={missing.email || undefined}
            aria-describedby={missing.email ? emailErrorId : undefined}
            onChange={(event) => {
              setEmail(event.target.value);
            }}
          />
          {missing.email && (
            <p id={emailErrorId} className="field-error">
              {t('login.emailMissing')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('login.password')}</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            aria-invalid={missing.password || undefined}
            aria-describedby={missing.password ? passwordErrorId : undefined}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
          {missing.password && (
            <p id={passwordErrorId} className="field-error">
              {t('login.passwordMissing')}
            </p>
          )}
        </div>
        {/* Always in the page, so what appears in it is read out. */}
        <div role="alert">
          {problem && (
            <p className="form-problem">
              <ProblemMessage problem={problem} />
            </p>
          )}
          {/* Shown beside each field already; here only for screen readers to hear at once. */}
          {!problem && (missing.email || missing.password) && (
            <span className="visually-hidden">
              {[
                missing.email ? t('login.emailMissing') : '',
                missing.password ? t('login.passwordMissing') : '',
              ]
                .filter(Boolean)
                .join(' ')}
            </span>
          )}
        </div>
        <button
          type="submit"
          className="staff-button staff-button-primary staff-button-large"
          aria-disabled={busy || undefined}
        >
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}
