import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import {
  CATEGORY_IDS,
  ICONS,
  type CategoryId,
  type IconName,
} from '../../shared/content/categories.ts';
import { Slug } from '../../shared/content/guide.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { AdminProblem } from '../shell/StaffStrings.tsx';
import { iconForCategory, newGuideDraft, slugFromTitle } from './draft-editing.ts';
import { createGuide } from './guide-editing-api.ts';

/** "New guide": a Swedish title, an id made from it, a category and an icon. */
export function NewGuideForm({ takenIds }: { takenIds: readonly string[] }) {
  const { t } = useTranslation('editor');
  const [, navigate] = useLocation();
  const formId = useId();
  const [title, setTitle] = useState('');
  const [id, setId] = useState('');
  const [idEdited, setIdEdited] = useState(false);
  const [category, setCategory] = useState<CategoryId>('bankid');
  const [icon, setIcon] = useState<IconName>(iconForCategory('bankid'));
  const [problem, setProblem] = useState<ApiRequestError>();
  const [idProblem, setIdProblem] = useState<string>();
  const [titleProblem, setTitleProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const shownId = idEdited ? id : slugFromTitle(title);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmedTitle = title.trim();
    const titleError = trimmedTitle === '' ? t('newGuide.titleRequired') : undefined;
    const idError = !Slug.safeParse(shownId).success
      ? t('newGuide.idInvalid')
      : takenIds.includes(shownId)
        ? t('newGuide.idTaken')
        : undefined;
    setTitleProblem(titleError);
    setIdProblem(idError);
    if (titleError ?? idError) return;
    setBusy(true);
    setProblem(undefined);
    createGuide(newGuideDraft({ id: shownId, title: trimmedTitle, category, icon })).then(
      (state) => {
        navigate(`/guides/${encodeURIComponent(state.id)}`);
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(asApiRequestError(error));
      },
    );
  };

  return (
    <section className="editor-section" aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`}>{t('newGuide.title')}</h2>
      <form className="editor-form" onSubmit={submit} noValidate>
        <div className="editor-field">
          <label htmlFor={`${formId}-title`}>{t('newGuide.guideTitle')}</label>
          <input
            id={`${formId}-title`}
            lang="sv"
            value={title}
            aria-invalid={titleProblem ? true : undefined}
            aria-describedby={titleProblem ? `${formId}-title-problem` : undefined}
            onChange={(event) => {
              setTitle(event.target.value);
            }}
          />
          {titleProblem && (
            <p className="editor-field-problem" id={`${formId}-title-problem`}>
              {titleProblem}
            </p>
          )}
        </div>
        <div className="editor-field">
          <label htmlFor={`${formId}-id`}>{t('newGuide.id')}</label>
          <input
            id={`${formId}-id`}
            value={shownId}
            spellCheck={false}
            aria-invalid={idProblem ? true : undefined}
            aria-describedby={`${formId}-id-hint${idProblem ? ` ${formId}-id-problem` : ''}`}
            onChange={(event) => {
              setIdEdited(true);
              setId(event.target.value);
            }}
          />
          <p className="editor-hint" id={`${formId}-id-hint`}>
            {t('newGuide.idHint')}
          </p>
          {idProblem && (
            <p className="editor-field-problem" id={`${formId}-id-problem`}>
              {idProblem}
            </p>
          )}
        </div>
        <div className="editor-field">
          <label htmlFor={`${formId}-category`}>{t('fields.category')}</label>
          <select
            id={`${formId}-category`}
            value={category}
            onChange={(event) => {
              const chosen = event.target.value as CategoryId;
              setCategory(chosen);
              setIcon(iconForCategory(chosen));
            }}
          >
            {CATEGORY_IDS.map((option) => (
              <option key={option} value={option}>
                {t(`categories.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="editor-field">
          <label htmlFor={`${formId}-icon`}>{t('fields.icon')}</label>
          <select
            id={`${formId}-icon`}
            value={icon}
            onChange={(event) => {
              setIcon(event.target.value as IconName);
            }}
          >
            {ICONS.map((option) => (
              <option key={option} value={option}>
                {t(`icons.${option}`)}
              </option>
            ))}
          </select>
        </div>
        {problem && (
          <p className="editor-alert" role="alert">
            <AdminProblem problem={problem} />
          </p>
        )}
        <button type="submit" className="staff-button staff-button-primary" disabled={busy}>
          {t('newGuide.create')}
        </button>
      </form>
    </section>
  );
}
