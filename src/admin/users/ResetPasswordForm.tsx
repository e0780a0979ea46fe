import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NewPassword, PASSWORD_MIN_LENGTH } from '../../shared/api/accounts.ts';
import type { StaffAccount } from '../../shared/api/administration.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { resetPassword } from '../admin-api.ts';
import { Field, FormProblems } from '../shell/form-fields.tsx';

/** The admin types the new password and tells the person; every session of theirs ends. */
export function ResetPasswordForm({
  account,
  onDone,
  onCancel,
}: {
  account: StaffAccount;
  onDone: (account: StaffAccount) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [problem, setProblem] = useState<ApiRequestError>();
  const [busy, setBusy] = useState(false);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const invalid = !NewPassword.safeParse(password).success;
    setError(invalid ? t('users.passwordShort', { count: PASSWORD_MIN_LENGTH }) : undefined);
    setProblem(undefined);
    if (invalid) return;
    setBusy(true);
    resetPassword(account.id, password).then(onDone, (failure: unknown) => {
      setProblem(asApiRequestError(failure));
      setBusy(false);
    });
  };

  return (
    <form className="admin-form admin-subform" noValidate onSubmit={submit}>
      <Field
        label={t('users.newPasswordFor', { email: account.email })}
        hint={t('users.resetHint')}
        error={error}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        )}
      </Field>
      <FormProblems problem={problem} errors={[error]} />
      <div className="admin-actions">
        <button
          type="submit"
          className="staff-button staff-button-small staff-button-primary"
          aria-disabled={busy || undefined}
        >
          {t('users.resetSubmit')}
        </button>
        <button type="button" className="staff-button staff-button-small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
