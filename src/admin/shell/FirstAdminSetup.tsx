import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, type StaffUser } from '../../shared/api/accounts.ts';
import { FirstAdmin } from '../../shared/api/administration.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { createFirstAdmin } from '../admin-api.ts';
import { AdminPage } from './AdminPage.tsx';
import { Field, FormProblems } from './form-fields.tsx';
import { invalidFields } from './form-validation.ts';

/** Shown once, while Lotsen has no admin: whoever sets it up becomes the first admin. */
export function FirstAdminSetup({ onCreated }: { onCreated: (user: StaffUser) => void }) {
  const { t } = useTranslation('admin');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string; again?: string }>({});
  const [problem, setProblem] = useState<ApiRequestError>();
  const [busy, setBusy] = useState(false);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const admin = { email: email.trim(), password };
    const invalid = invalidFields(FirstAdmin, admin);
    const found = {
      email: invalid.has('email') ? t('setup.emailInvalid') : undefined,
      password: invalid.has('password')
        ? t('setup.passwordShort', { count: PASSWORD_MIN_LENGTH })
        : undefined,
      again:
        !invalid.has('password') && again !== password ? t('setup.passwordsDiffer') : undefined,
    };
    setErrors(found);
    setProblem(undefined);
    if (found.email ?? found.password ?? found.again) return;
    setBusy(true);
    createFirstAdmin(admin).then(onCreated, (error: unknown) => {
      setProblem(asApiRequestError(error));
      setBusy(false);
    });
  };

  return (
    <AdminPage title={t('setup.title')} intro={t('setup.intro')}>
      <p>{t('setup.passwordAdvice', { count: PASSWORD_MIN_LENGTH })}</p>
      <form className="admin-form admin-form-narrow" noValidate onSubmit={submit}>
        <Field label={t('setup.email')} error={errors.email}>
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={email}
              onChange={(event) => {
                setEmail(event.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('setup.password')} error={errors.password}>
          {(control) => (
            <input
              {...control}
              name="new-password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('setup.passwordAgain')} error={errors.again}>
          {(control) => (
            <input
              {...control}
              name="new-password-again"
              type="password"
              autoComplete="new-password"
              value={again}
              onChange={(event) => {
                setAgain(event.target.value);
              }}
            />
          )}
        </Field>
        <FormProblems problem={problem} errors={[errors.email, errors.password, errors.again]} />
        <button
          type="submit"
          className="staff-button staff-button-primary staff-button-large"
          aria-disabled={busy || undefined}
        >
          {busy ? t('setup.creating') : t('setup.create')}
        </button>
      </form>
    </AdminPage>
  );
}
