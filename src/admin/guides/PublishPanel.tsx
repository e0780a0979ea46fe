import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { GuideEditorState } from '../../shared/api/guide-editing.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { AdminProblem } from '../shell/StaffStrings.tsx';
import {
  conflictOf,
  deleteGuide,
  problemsOf,
  publishGuide,
  unpublishGuide,
} from './guide-editing-api.ts';
import { formatTime, languageLabel } from './language-labels.ts';
import { ProblemList } from './ProblemList.tsx';

/**
 * Publishing: which languages a publish leaves out and why, what stops it
 * (incomplete Swedish), an optional note for the history; unpublishing and
 * deleting an unpublished guide.
 */
export function PublishPanel({
  state,
  unsaved,
  onChanged,
  onConflict,
}: {
  state: GuideEditorState;
  unsaved: boolean;
  onChanged: (state: GuideEditorState) => void;
  /** A 409 draft conflict: the editor shows it. */
  onConflict: (error: unknown) => void;
}) {
  const { t, i18n } = useTranslation('editor');
  const [, navigate] = useLocation();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [publishedVersion, setPublishedVersion] = useState<number>();
  const [problems, setProblems] = useState<string[]>();
  const [problem, setProblem] = useState<ApiRequestError>();

  const run = (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    setProblems(undefined);
    setPublishedVersion(undefined);
    action().then(
      () => {
        setBusy(false);
      },
      (error: unknown) => {
        setBusy(false);
        if (conflictOf(error)) onConflict(error);
        else {
          const list = problemsOf(error);
          if (list) setProblems(list);
          else setProblem(asApiRequestError(error));
        }
      },
    );
  };

  const publish = () => {
    run(async () => {
      const result = await publishGuide(state.id, state.revision, note.trim());
      onChanged(result.state);
      setNote('');
      setPublishedVersion(result.version.version);
    });
  };

  const canPublish = state.publishProblems === null && !unsaved && !busy;

  return (
    <section className="editor-section" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('publish.heading')}</h2>
      <p>
        {state.published
          ? t('publish.currentVersion', {
              version: state.published.version,
              at: formatTime(state.published.publishedAt, i18n.language),
              by: state.published.publishedBy,
            })
          : t('publish.notPublished')}
      </p>
      {state.publishProblems && (
        <div className="editor-notice">
          <p>{t('publish.cannotPublish')}</p>
          <ProblemList problems={state.publishProblems} />
        </div>
      )}
      {state.omittedLanguages.length > 0 && (
        <div className="editor-notice">
          <p>{t('publish.omittedIntro')}</p>
          <ul>
            {state.omittedLanguages.map((omitted) => (
              <li key={omitted.language}>
                <strong>{languageLabel(omitted.language, i18n.language)}</strong>
                <ProblemList problems={omitted.reasons} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {unsaved && <p className="editor-notice">{t('publish.saveFirst')}</p>}
      <div className="editor-field">
        <label htmlFor={noteId}>{t('publish.note')}</label>
        <input
          id={noteId}
          value={note}
          maxLength={300}
          onChange={(event) => {
            setNote(event.target.value);
          }}
        />
      </div>
      <div className="editor-actions">
        <button
          type="button"
          className="staff-button staff-button-primary"
          disabled={!canPublish}
          onClick={publish}
        >
          {t('publish.publish')}
        </button>
        {state.published && (
          <button
            type="button"
            className="staff-button"
            disabled={busy}
            onClick={() => {
              if (!window.confirm(t('publish.confirmUnpublish'))) return;
              run(async () => {
                onChanged(await unpublishGuide(state.id));
              });
            }}
          >
            {t('publish.unpublish')}
          </button>
        )}
        {!state.published && (
          <button
            type="button"
            className="staff-button editor-button-danger"
            disabled={busy}
            onClick={() => {
              if (!window.confirm(t('publish.confirmDelete'))) return;
              run(async () => {
                await deleteGuide(state.id);
                navigate('/guides');
              });
            }}
          >
            {t('publish.delete')}
          </button>
        )}
      </div>
      <div role="status">
        {publishedVersion !== undefined && (
          <p className="editor-success">{t('publish.published', { version: publishedVersion })}</p>
        )}
      </div>
      {problems && (
        <div className="editor-alert" role="alert">
          <p>{t('publish.cannotPublish')}</p>
          <ProblemList problems={problems} />
        </div>
      )}
      {problem && (
        <p className="editor-alert" role="alert">
          <AdminProblem problem={problem} />
        </p>
      )}
    </section>
  );
}
