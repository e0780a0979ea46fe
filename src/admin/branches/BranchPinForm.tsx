import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryBranch } from '../../shared/api/administration.ts';
import { KioskSetupPinCode } from '../../shared/api/devices.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { setBranchPin } from '../admin-api.ts';
import { Field, FormProblems } from '../shell/form-fields.tsx';

/**
 * The PIN staff type on a tablet after the hidden setup gesture. Without
 * one, the gesture alone opens the setup screen.
 */
export function BranchPinForm({
  branch,
  onSaved,
  onCancel,
}: {
  branch: LibraryBranch;
  onSaved: (branch: LibraryBranch, cleared: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string>();
  const [problem, setProblem] = useState<ApiRequestError>();
  const [busy, setBusy] = useState(false);

  const save = (next: string | null) => {
    if (busy) return;
    setProblem(undefined);
    setBusy(true);
    setBranchPin(branch.id, next).then(
      (saved) => {
        onSaved(saved, next === null);
      },
      (failure: unknown) => {
        setProblem(asApiRequestError(failure));
        setBusy(false);
      },
    );
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const valid = KioskSetupPinCode.safeParse(pin);
    setError(valid.success ? undefined : t('branches.pinInvalid'));
    if (valid.success) save(valid.data);
  };

  return (
    <form className="admin-form admin-subform" noValidate onSubmit={submit}>
      <Field
        label={t('branches.pinFor', { name: branch.name })}
        hint={t('branches.pinHint')}
        error={error}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={pin}
            onChange={(event) => {
              setPin(event.target.value);
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
          {t('branches.pinSave')}
        </button>
        {branch.hasSetupPin && (
          <button
            type="button"
            className="staff-button staff-button-small"
            aria-disabled={busy || undefined}
            onClick={() => {
              save(null);
            }}
          >
            {t('branches.pinClear')}
          </button>
        )}
        <button type="button" className="staff-button staff-button-small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
