import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, STAFF_ROLES, type StaffRole } from '../../shared/api/accounts.ts';
import { NewStaffAccount, type StaffAccount } from '../../shared/api/administration.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { createUser } from '../admin-api.ts';
import { Field, FormProblems } from '../shell/form-fields.tsx';
import { invalidFields } from '../shell/form-validation.ts';

/** A new account: email, role and a first password the admin passes on. */
export function AddUserForm({
  onAdded,
  onCancel,
}: {
  onAdded: (account: StaffAccount) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('staff');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [problem, setProblem] = useState<ApiRequestError>();
  const [busy, setBusy] = useState(false);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const account = { email: email.trim(), role, password };
    const invalid = invalidFields(NewStaffAccount, account);
    const found = {
      email: invalid.has('email') ? t('users.emailInvalid') : undefined,
      password: invalid.has('password')
        ? t('users.passwordShort', { count: PASSWORD_MIN_LENGTH })
        : undefined,
    };
    setErrors(found);
    setProblem(undefined);
    if (found.email ?? found.password) return;
    setBusy(true);
    createUser(account).then(onAdded, (error: unknown) => {
      setProblem(asApiRequestError(error));
      setBusy(false);
    });
  };

  return (
    <form className="admin-form admin-card" noValidate onSubmit={submit}>
      <h2>{t('users.addTitle')}</h2>
      <Field label={t('users.email')} error={errors.email}>
        {(control) => (
          <input
            {...control}
            type="email"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
            }}
          />
        )}
      </Field>
      <Field label={t('users.role')} hint={t('users.roleHint')}>
        {(control) => (
          <select
            {...control}
            value={role}
            onChange={(event) => {
              setRole(event.target.value as StaffRole);
            }}
          >
            {STAFF_ROLES.map((option) => (
              <option key={option} value={option}>
                {t(`roles.${option}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('users.firstPassword')}
        hint={t('users.firstPasswordHint', { count: PASSWORD_MIN_LENGTH })}
        error={errors.password}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="new-password"
            spellCheck={false}
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        )}
      </Field>
      <FormProblems problem={problem} errors={[errors.email, errors.password]} />
      <div className="admin-actions">
        <button
          type="submit"
          className="staff-button staff-button-primary"
          aria-disabled={busy || undefined}
        >
          {t('users.addSubmit')}
        </button>
        <button type="button" className="staff-button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
