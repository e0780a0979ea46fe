import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import {
  isLanguageCode,
  LANGUAGES,
  SOURCE_LANGUAGE,
  type LanguageCode,
} from '../../shared/languages.ts';
import { confirmLeave, useLeaveGuard } from '../shell/navigation-guard.ts';
import { QueryProblem } from '../shell/QueryProblem.tsx';
import { AdminProblem } from '../shell/StaffStrings.tsx';
import { ConflictAlert } from './ConflictAlert.tsx';
import { GuideFieldsSection, GuideTextSection } from './GuideFieldsSection.tsx';
import { GuideHistory } from './GuideHistory.tsx';
import { GuidePreview } from './GuidePreview.tsx';
import { formatTime, languageLabel } from './language-labels.ts';
import { ProblemList } from './ProblemList.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { StepsSection } from './StepsSection.tsx';
import { TranslationStatusNote } from './TranslationStatusNote.tsx';
import { useGuideEditor } from './use-guide-editor.ts';

const TRANSLATION_LANGUAGES = LANGUAGES.filter((language) => language.code !== SOURCE_LANGUAGE);

/** The language asked for with ?lang=ar (e.g. from the translation matrix), else English. */
function requestedLanguage(search: string): LanguageCode {
  const code = new URLSearchParams(search).get('lang') ?? '';
  return isLanguageCode(code) && code !== SOURCE_LANGUAGE ? code : 'en';
}

/** /admin/guides/:id: one guide's fields and steps, Swedish beside a translation; publish, preview, history. */
export function GuideEditor({ guideId }: { guideId: string }) {
  const { t, i18n } = useTranslation('editor');
  const search = useSearch();
  const languageSelectId = useId();
  const [language, setLanguage] = useState<LanguageCode>(() => requestedLanguage(search));
  const editing = useGuideEditor(guideId);
  const { state, draft, unsaved } = editing;
  useLeaveGuard(unsaved, t('editor.leaveQuestion'));

  if (editing.loadProblem) {
    return (
      <div className="editor">
        <p>
          <BackToList />
        </p>
        <QueryProblem problem={editing.loadProblem} onRetry={editing.reload} />
      </div>
    );
  }
  if (!state || !draft) return <p role="status">{t('editor.loading')}</p>;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    editing.save();
  };
  const translation = state.translations.find((entry) => entry.language === language);
  const problemCount = editing.fieldProblems.size;

  return (
    <div className="editor">
      <p>
        <BackToList />
      </p>
      <h1>{draft.text[SOURCE_LANGUAGE]?.title || state.id}</h1>
      <p>
        {state.published
          ? t('status.publishedVersion', { version: state.published.version })
          : t('status.draftOnly')}
        {state.published && state.unpublishedChanges && (
          <span className="editor-flag">{t('status.unpublishedChanges')}</span>
        )}
      </p>
      {editing.conflict && (
        <ConflictAlert
          conflict={editing.conflict}
          mine={draft}
          busy={editing.saving}
          onKeepMine={editing.keepMine}
          onUseTheirs={editing.useTheirs}
        />
      )}
      <form onSubmit={submit} noValidate>
        <div className="editor-savebar">
          <button
            type="submit"
            className="staff-button staff-button-primary"
            disabled={editing.saving}
          >
            {editing.saving ? t('editor.saving') : t('editor.save')}
          </button>
          <p role="status" className="editor-save-state">
            {unsaved
              ? t('editor.unsaved')
              : editing.justSaved
                ? t('editor.saved', { at: formatTime(state.savedAt, i18n.language) })
                : t('editor.savedBy', {
                    by: state.savedBy,
                    at: formatTime(state.savedAt, i18n.language),
                  })}
          </p>
        </div>
        {problemCount > 0 && (
          <div className="editor-alert" role="alert">
            <p>{t('editor.fixFields', { count: problemCount })}</p>
            <ProblemList
              problems={[...editing.fieldProblems].map(
                ([field, message]) => `${field}: ${message}`,
              )}
            />
          </div>
        )}
        {editing.saveProblem && (
          <p className="editor-alert" role="alert">
            <AdminProblem problem={editing.saveProblem} />
          </p>
        )}
        <GuideFieldsSection
          draft={draft}
          setDraft={editing.setDraft}
          problems={editing.fieldProblems}
        />
        <div className="editor-section editor-language-choice">
          <div className="editor-field">
            <label htmlFor={languageSelectId}>{t('editor.translationLanguage')}</label>
            <select
              id={languageSelectId}
              value={language}
              onChange={(event) => {
                const code = event.target.value;
                if (isLanguageCode(code)) setLanguage(code);
              }}
            >
              {TRANSLATION_LANGUAGES.map((option) => (
                <option key={option.code} value={option.code}>
                  {languageLabel(option.code, i18n.language)}
                </option>
              ))}
            </select>
          </div>
          <TranslationStatusNote
            state={state}
            language={language}
            unsaved={unsaved}
            onChanged={editing.adopt}
            onConflict={editing.failed}
          />
        </div>
        <GuideTextSection
          draft={draft}
          setDraft={editing.setDraft}
          problems={editing.fieldProblems}
          language={language}
        />
        <StepsSection
          draft={draft}
          setDraft={editing.setDraft}
          problems={editing.fieldProblems}
          language={language}
          translation={translation}
        />
      </form>
      <PublishPanel
        state={state}
        unsaved={unsaved}
        onChanged={editing.adopt}
        onConflict={editing.failed}
      />
      <GuidePreview draft={draft} initialLanguage={language} />
      <GuideHistory
        key={state.published?.version ?? 0}
        state={state}
        draft={draft}
        unsaved={unsaved}
        onChanged={editing.adopt}
        onConflict={editing.failed}
      />
    </div>
  );
}

/** Back to the list; with unsaved changes, only after "leave anyway?". */
function BackToList() {
  const { t } = useTranslation('editor');
  return (
    <Link
      href="/guides"
      onClick={(event) => {
        if (!confirmLeave()) event.preventDefault();
      }}
    >
      {t('editor.backToList')}
    </Link>
  );
}
