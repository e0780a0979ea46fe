import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NewLibraryBranch,
  type LibraryBranch,
  type LibraryBranchChange,
} from '../../shared/api/administration.ts';
import { LANGUAGES, SOURCE_LANGUAGE, type LanguageCode } from '../../shared/languages.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { changeBranch, createBranch } from '../admin-api.ts';
import { Field, FormProblems } from '../shell/form-fields.tsx';
import { invalidFields } from '../shell/form-validation.ts';

type BranchFields = Pick<LibraryBranch, 'name' | 'infoDesk' | 'transportApp' | 'fallbackLanguage'>;
type TextField = 'name' | 'infoDesk' | 'transportApp';

const TEXT_FIELDS: readonly TextField[] = ['name', 'infoDesk', 'transportApp'];

/** Only what the admin changed, so two admins editing different fields do not undo each other. */
function changesFrom(before: BranchFields, after: BranchFields): LibraryBranchChange {
  const change: LibraryBranchChange = {};
  for (const key of [...TEXT_FIELDS, 'fallbackLanguage'] as const) {
    if (before[key] !== after[key]) Object.assign(change, { [key]: after[key] });
  }
  return change;
}

/** A new branch, or the one given: its name and what its tablets tell visitors. */
export function BranchForm({
  branch,
  onSaved,
  onCancel,
}: {
  branch?: LibraryBranch;
  onSaved: (branch: LibraryBranch) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const [fields, setFields] = useState<BranchFields>({
    name: branch?.name ?? '',
    infoDesk: branch?.infoDesk ?? '',
    transportApp: branch?.transportApp ?? '',
    fallbackLanguage: branch?.fallbackLanguage ?? SOURCE_LANGUAGE,
  });
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<ApiRequestError>();
  const [busy, setBusy] = useState(false);

  const errorFor = (field: TextField) =>
    invalid.has(field) ? t(`branches.errors.${field}`) : undefined;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = {
      ...fields,
      name: fields.name.trim(),
      infoDesk: fields.infoDesk.trim(),
      transportApp: fields.transportApp.trim(),
    };
    const found = invalidFields(NewLibraryBranch, trimmed);
    setInvalid(found);
    setProblem(undefined);
    if (found.size > 0) return;
    const change = branch ? changesFrom(branch, trimmed) : undefined;
    if (branch && change && Object.keys(change).length === 0) {
      onCancel();
      return;
    }
    setBusy(true);
    const saving = branch && change ? changeBranch(branch.id, change) : createBranch(trimmed);
    saving.then(onSaved, (error: unknown) => {
      setProblem(asApiRequestError(error));
      setBusy(false);
    });
  };

  return (
    <form className="admin-form admin-card" noValidate onSubmit={submit}>
      <h2>{branch ? t('branches.editTitle', { name: branch.name }) : t('branches.addTitle')}</h2>
      {TEXT_FIELDS.map((field) => (
        <Field
          key={field}
          label={t(`branches.fields.${field}`)}
          hint={t(`branches.hints.${field}`)}
          error={errorFor(field)}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              value={fields[field]}
              onChange={(event) => {
                setFields((current) => ({ ...current, [field]: event.target.value }));
              }}
            />
          )}
        </Field>
      ))}
      <Field
        label={t('branches.fields.fallbackLanguage')}
        hint={t('branches.hints.fallbackLanguage')}
      >
        {(control) => (
          <select
            {...control}
            value={fields.fallbackLanguage}
            onChange={(event) => {
              setFields((current) => ({
                ...current,
                fallbackLanguage: event.target.value as LanguageCode,
              }));
            }}
          >
            {LANGUAGES.map((language) => (
              <option key={language.code} value={language.code}>
                {t('branches.languageOption', {
                  native: language.nativeName,
                  english: language.englishName,
                })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormProblems problem={problem} errors={TEXT_FIELDS.map(errorFor)} />
      <div className="admin-actions">
        <button
          type="submit"
          className="staff-button staff-button-primary"
          aria-disabled={busy || undefined}
        >
          {branch ? t('common.save') : t('branches.addSubmit')}
        </button>
        <button type="button" className="staff-button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
