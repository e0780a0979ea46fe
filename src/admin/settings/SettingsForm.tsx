import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LibrarySettingsForAdmins,
  type LibrarySettingsChange,
} from '../../shared/api/administration.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { changeSettings } from '../admin-api.ts';
import { ActionOutcome, type Outcome } from '../shell/ActionOutcome.tsx';
import { Field, FormProblems } from '../shell/form-fields.tsx';

const { reviewAfterDays, idleResetSeconds, publicUrl } = LibrarySettingsForAdmins.shape;

/** A whole number typed into a text field; undefined for anything else (empty included). */
function wholeNumber(typed: string): number | undefined {
  const trimmed = typed.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

interface Checked {
  change: LibrarySettingsChange;
  errors: { days?: string; seconds?: string; url?: string };
}

/** The admin's form for the library-wide settings; only what changed is sent. */
export function SettingsForm({
  settings,
  onSaved,
}: {
  settings: LibrarySettingsForAdmins;
  onSaved: (settings: LibrarySettingsForAdmins) => void;
}) {
  const { t } = useTranslation('admin');
  const [days, setDays] = useState(String(settings.reviewAfterDays));
  const [seconds, setSeconds] = useState(String(settings.idleResetSeconds));
  const [url, setUrl] = useState(settings.publicUrl ?? '');
  const [errors, setErrors] = useState<Checked['errors']>({});
  const [problem, setProblem] = useState<ApiRequestError>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  const check = (): Checked => {
    const change: LibrarySettingsChange = {};
    const found: Checked['errors'] = {};
    const daysParsed = reviewAfterDays.safeParse(wholeNumber(days));
    if (!daysParsed.success) found.days = t('settings.daysInvalid');
    else if (daysParsed.data !== settings.reviewAfterDays) change.reviewAfterDays = daysParsed.data;
    const secondsParsed = idleResetSeconds.safeParse(wholeNumber(seconds));
    if (!secondsParsed.success) found.seconds = t('settings.idleInvalid');
    else if (secondsParsed.data !== settings.idleResetSeconds)
      change.idleResetSeconds = secondsParsed.data;
    // An empty field: no public address, the tablets' own is used.
    const urlParsed = publicUrl.safeParse(url.trim() === '' ? null : url.trim());
    if (!urlParsed.success) found.url = t('settings.publicUrlInvalid');
    else if (urlParsed.data !== settings.publicUrl) change.publicUrl = urlParsed.data;
    return { change, errors: found };
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const checked = check();
    setErrors(checked.errors);
    setProblem(undefined);
    setOutcome(undefined);
    if (Object.keys(checked.errors).length > 0) return;
    if (Object.keys(checked.change).length === 0) {
      setOutcome({ done: t('settings.unchanged') });
      return;
    }
    setBusy(true);
    changeSettings(checked.change).then(
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
      <Field
        label={t('settings.reviewAfterDays')}
        hint={t('settings.reviewHint')}
        error={errors.days}
      >
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
      <Field
        label={t('settings.idleResetSeconds')}
        hint={t('settings.idleHint')}
        error={errors.seconds}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            value={seconds}
            onChange={(event) => {
              setSeconds(event.target.value);
            }}
          />
        )}
      </Field>
      <Field label={t('settings.publicUrl')} hint={t('settings.publicUrlHint')} error={errors.url}>
        {(control) => (
          <input
            {...control}
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            value={url}
            onChange={(event) => {
              setUrl(event.target.value);
            }}
          />
        )}
      </Field>
      <FormProblems problem={problem} errors={[errors.days, errors.seconds, errors.url]} />
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
