import { useTranslation } from 'react-i18next';
import {
  CATEGORY_IDS,
  ICONS,
  type CategoryId,
  type IconName,
} from '../../shared/content/categories.ts';
import type { GuideDraft } from '../../shared/content/guide-draft.ts';
import { languageByCode, SOURCE_LANGUAGE, type LanguageCode } from '../../shared/languages.ts';
import { updateGuideText, type FieldProblems } from './draft-editing.ts';
import { FieldProblem, fieldProps } from './FieldProblem.tsx';
import { languageLabel } from './language-labels.ts';

interface SectionProps {
  draft: GuideDraft;
  setDraft: (change: (draft: GuideDraft) => GuideDraft) => void;
  problems: FieldProblems;
}

/** Category, icon, when it was last checked against the live service, and notes for librarians. */
export function GuideFieldsSection({ draft, setDraft, problems }: SectionProps) {
  const { t } = useTranslation('editor');
  return (
    <fieldset className="editor-section editor-fields">
      <legend>{t('fields.heading')}</legend>
      <div className="editor-field">
        <label htmlFor={fieldProps(problems, 'category').id}>{t('fields.category')}</label>
        <select
          {...fieldProps(problems, 'category')}
          value={draft.category}
          onChange={(event) => {
            const category = event.target.value as CategoryId;
            setDraft((current) => ({ ...current, category }));
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
        <label htmlFor={fieldProps(problems, 'icon').id}>{t('fields.icon')}</label>
        <select
          {...fieldProps(problems, 'icon')}
          value={draft.icon}
          onChange={(event) => {
            const icon = event.target.value as IconName;
            setDraft((current) => ({ ...current, icon }));
          }}
        >
          {ICONS.map((option) => (
            <option key={option} value={option}>
              {t(`icons.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="editor-field">
        <label htmlFor={fieldProps(problems, 'lastVerified').id}>{t('fields.lastVerified')}</label>
        <input
          type="date"
          {...fieldProps(problems, 'lastVerified')}
          value={draft.lastVerified}
          onChange={(event) => {
            const lastVerified = event.target.value;
            setDraft((current) => ({ ...current, lastVerified }));
          }}
        />
        <FieldProblem problems={problems} field="lastVerified" />
      </div>
      <div className="editor-field">
        <label htmlFor={fieldProps(problems, 'verification.status').id}>
          {t('fields.verificationStatus')}
        </label>
        <select
          {...fieldProps(problems, 'verification.status')}
          value={draft.verification.status}
          onChange={(event) => {
            const status = event.target.value === 'verified' ? 'verified' : 'unverified';
            setDraft((current) => ({
              ...current,
              verification: { ...current.verification, status },
            }));
          }}
        >
          <option value="verified">{t('fields.verified')}</option>
          <option value="unverified">{t('fields.unverified')}</option>
        </select>
      </div>
      <div className="editor-field editor-field-wide">
        <label htmlFor={fieldProps(problems, 'verification.note').id}>
          {t('fields.verificationNote')}
        </label>
        <textarea
          {...fieldProps(problems, 'verification.note', 'verification-note-hint')}
          rows={3}
          value={draft.verification.note}
          onChange={(event) => {
            const note = event.target.value;
            setDraft((current) => ({
              ...current,
              verification: { ...current.verification, note },
            }));
          }}
        />
        <p className="editor-hint" id="verification-note-hint">
          {t('fields.verificationNoteHint')}
        </p>
        <FieldProblem problems={problems} field="verification.note" />
      </div>
    </fieldset>
  );
}

/** The guide's title and summary, Swedish beside the chosen translation. */
export function GuideTextSection({
  draft,
  setDraft,
  problems,
  language,
}: SectionProps & { language: LanguageCode }) {
  const { t } = useTranslation('editor');
  return (
    <section className="editor-section" aria-labelledby="guide-text-heading">
      <h2 id="guide-text-heading">{t('guideText.heading')}</h2>
      <div className="editor-columns">
        {[SOURCE_LANGUAGE, language].map((code) => (
          <GuideTextColumn
            key={code}
            draft={draft}
            setDraft={setDraft}
            problems={problems}
            language={code}
          />
        ))}
      </div>
    </section>
  );
}

function GuideTextColumn({
  draft,
  setDraft,
  problems,
  language,
}: SectionProps & { language: LanguageCode }) {
  const { t, i18n } = useTranslation('editor');
  const text = draft.text[language];
  const { dir } = languageByCode(language);
  const titleField = `text.${language}.title`;
  const summaryField = `text.${language}.summary`;
  return (
    <fieldset className="editor-column">
      <legend>
        {language === SOURCE_LANGUAGE
          ? t('columns.source', { language: languageLabel(language, i18n.language) })
          : t('columns.translation', { language: languageLabel(language, i18n.language) })}
      </legend>
      <div className="editor-field">
        <label htmlFor={fieldProps(problems, titleField).id}>{t('guideText.title')}</label>
        <input
          {...fieldProps(problems, titleField)}
          lang={language}
          dir={dir}
          value={text?.title ?? ''}
          onChange={(event) => {
            const title = event.target.value;
            setDraft((current) => updateGuideText(current, language, { title }));
          }}
        />
        <FieldProblem problems={problems} field={titleField} />
      </div>
      <div className="editor-field">
        <label htmlFor={fieldProps(problems, summaryField).id}>{t('guideText.summary')}</label>
        <textarea
          {...fieldProps(problems, summaryField)}
          lang={language}
          dir={dir}
          rows={2}
          value={text?.summary ?? ''}
          onChange={(event) => {
            const summary = event.target.value;
            setDraft((current) => updateGuideText(current, language, { summary }));
          }}
        />
        <FieldProblem problems={problems} field={summaryField} />
      </div>
    </fieldset>
  );
}
