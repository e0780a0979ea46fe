import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LibrarySettingsChange,
  type LibrarySettingsForAdmins,
} from '../../shared/api/administration.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { changeSettings, fetchSettings } from '../admin-api.ts';
import { ActionOutcome, type Outcome } from '../shell/ActionOutcome.tsx';
import { AdminPage } from '../shell/AdminPage.tsx';
import { Field, FormProblems } from '../shell/form-fields.tsx';
import { QueryProblem } from '../shell/QueryProblem.tsx';
import { useHasRole } from '../shell/current-user.ts';
import { useAdminQuery } from '../shell/use-admin-query.ts';

/** Library-wide settings: admins change them, editors read them (the review age flags their guides). */
export function SettingsArea() {
  const { t } = useTranslation('admin');
  const settings = useAdminQuery(fetchSettings);
  const isAdmin = useHasRole('admin');

  return (
    <AdminPage title={t('settings.title')} intro={t('settings.intro')}>
      {settings.problem && <QueryProblem problem={settings.problem} onRetry={settings.reload} />}
      {!settings.data && !settings.problem && <p role="status">{t('app.loading')}</p>}
      {settings.data && !isAdmin && (
        <div className="admin-card">
          <dl className="staff-facts">
            <div>
              <dt>{t('settings.reviewAfterDays')}</dt>
              <dd>{t('settings.days', { count: settings.data.reviewAfterDays })}</dd>
            </div>
          </dl>
          <p>{t('settings.adminsChange')}</p>
        </div>
      )}
      {settings.data && isAdmin && (
        <ReviewAgeForm
          reviewAfterDays={settings.data.reviewAfterDays}
          onSaved={(saved) => {
            settings.update(() => saved);
          }}
        />
      )}
    </AdminPage>
  );
}

function ReviewAgeForm({
  reviewAfterDays,
  onSaved,
}: {
  reviewAfterDays: number;
  onSaved: (settings: LibrarySettingsForAdmins) => void;
}) {
  const { t } = useTranslation('admin');
  const [days, setDays] = useState(String(reviewAfterDays));
  const [error, setError] = useState<string>();
  const [problem, setProblem] = useState<ApiRequestError>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const change = LibrarySettingsChange.safeParse({ reviewAfterDays: Number(days.trim()) });
    setError(change.success && days.trim() !== '' ? undefined : t('settings.daysInvalid'));
    setProblem(undefined);
    setOutcome(undefined);
    if (!change.success || days.trim() === '') return;
    setBusy(true);
    changeSettings(change.data).then(
      (saved) => {
        setBusy(false);
        onSaved(saved);
        setOutcome({ done: t('settings.saved') });
      },
      (failure: unknown) => {
        setBusy(false);
        setProblem(asApiRequestError(failure));
      },
    );
  };

  return (
    <form className="admin-form admin-form-narrow" noValidate onSubmit={submit}>
      <Field label={t('settings.reviewAfterDays')} hint={t('settings.reviewHint')} error={error}>
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            value={days}
            onChange={(event) => {
              setDays(event.target.value);
            }}
          />
        )}
      </Field>
      <FormProblems problem={problem} errors={[error]} />
      <ActionOutcome outcome={outcome} />
      <button
        type="submit"
        className="staff-button staff-button-primary"
        aria-disabled={busy || undefined}
      >
        {t('common.save')}
      </button>
    </form>
  );
}
