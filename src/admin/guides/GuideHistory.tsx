import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideEditorState } from '../../shared/api/guide-editing.ts';
import type { GuideDraft } from '../../shared/content/guide-draft.ts';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';
import { AdminProblem } from '../shell/StaffStrings.tsx';
import { useAdminQuery } from '../shell/use-admin-query.ts';
import { GuideComparison } from './GuideComparison.tsx';
import { conflictOf, fetchVersion, fetchVersions, revertGuide } from './guide-editing-api.ts';
import { formatTime, languageLabel } from './language-labels.ts';

const DRAFT = 'draft';

/**
 * The published versions of a guide: who published each, when, with what
 * note and in which languages; any two compared side by side (or one with
 * the draft); and going back to one (it becomes the draft).
 */
export function GuideHistory({
  state,
  draft,
  unsaved,
  onChanged,
  onConflict,
}: {
  state: GuideEditorState;
  /** The form's draft, unsaved changes included. */
  draft: GuideDraft;
  unsaved: boolean;
  onChanged: (state: GuideEditorState) => void;
  onConflict: (error: unknown) => void;
}) {
  const { t, i18n } = useTranslation('editor');
  const formId = useId();
  const guideId = state.id;
  const load = useCallback((signal: AbortSignal) => fetchVersions(guideId, signal), [guideId]);
  const versions = useAdminQuery(load);
  const [before, setBefore] = useState<string>('');
  const [after, setAfter] = useState<string>(DRAFT);
  const [comparison, setComparison] = useState<{
    before: GuideDraft;
    after: GuideDraft;
    beforeLabel: string;
    afterLabel: string;
  }>();
  const [reverted, setReverted] = useState<number>();
  const [problem, setProblem] = useState<ApiRequestError>();
  const [busy, setBusy] = useState(false);

  const list = versions.data?.versions ?? [];
  const label = (choice: string) =>
    choice === DRAFT ? t('history.draft') : t('history.versionNumber', { version: Number(choice) });
  const documentFor = async (choice: string): Promise<GuideDraft> =>
    choice === DRAFT ? draft : (await fetchVersion(guideId, Number(choice))).document;

  const compare = () => {
    const first = before || String(list[0]?.version ?? '');
    if (!first) return;
    setProblem(undefined);
    setBusy(true);
    Promise.all([documentFor(first), documentFor(after)]).then(
      ([beforeDocument, afterDocument]) => {
        setBusy(false);
        setComparison({
          before: beforeDocument,
          after: afterDocument,
          beforeLabel: label(first),
          afterLabel: label(after),
        });
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(asApiRequestError(error));
      },
    );
  };

  const revert = (version: number) => {
    const question = unsaved
      ? t('history.confirmRevertUnsaved', { version })
      : t('history.confirmRevert', { version });
    if (!window.confirm(question)) return;
    setProblem(undefined);
    setBusy(true);
    revertGuide(guideId, state.revision, version).then(
      (next) => {
        setBusy(false);
        onChanged(next);
        setReverted(version);
      },
      (error: unknown) => {
        setBusy(false);
        if (conflictOf(error)) onConflict(error);
        else setProblem(asApiRequestError(error));
      },
    );
  };

  const options = [...list.map((version) => String(version.version)), DRAFT];

  return (
    <section className="editor-section" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.heading')}</h2>
      {versions.problem && (
        <p className="editor-alert" role="alert">
          <AdminProblem problem={versions.problem} />
        </p>
      )}
      {versions.data && list.length === 0 && <p>{t('history.none')}</p>}
      {list.length > 0 && (
        <div
          className="editor-table-scroll"
          role="region"
          aria-labelledby="history-caption"
          tabIndex={0}
        >
          <table className="editor-table">
            <caption id="history-caption">{t('history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.version')}</th>
                <th scope="col">{t('history.published')}</th>
                <th scope="col">{t('history.note')}</th>
                <th scope="col">{t('history.languages')}</th>
                <th scope="col">{t('history.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((version) => (
                <tr key={version.version}>
                  <th scope="row">{version.version}</th>
                  <td>
                    {t('history.byAt', {
                      by: version.publishedBy,
                      at: formatTime(version.publishedAt, i18n.language),
                    })}
                  </td>
                  <td>{version.note}</td>
                  <td>
                    {version.languages.map((code) => languageLabel(code, i18n.language)).join(', ')}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="staff-button staff-button-small"
                      disabled={busy}
                      onClick={() => {
                        revert(version.version);
                      }}
                    >
                      {t('history.revert', { version: version.version })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div role="status">
        {reverted !== undefined && (
          <p className="editor-success">{t('history.reverted', { version: reverted })}</p>
        )}
      </div>
      {list.length > 0 && (
        <fieldset className="editor-compare-choice">
          <legend>{t('history.compareHeading')}</legend>
          <div className="editor-field">
            <label htmlFor={`${formId}-before`}>{t('history.compareBefore')}</label>
            <select
              id={`${formId}-before`}
              value={before || options[0]}
              onChange={(event) => {
                setBefore(event.target.value);
              }}
            >
              {options.map((option) => (
                <option key={option} value={option}>
                  {label(option)}
                </option>
              ))}
            </select>
          </div>
          <div className="editor-field">
            <label htmlFor={`${formId}-after`}>{t('history.compareAfter')}</label>
            <select
              id={`${formId}-after`}
              value={after}
              onChange={(event) => {
                setAfter(event.target.value);
              }}
            >
              {options.map((option) => (
                <option key={option} value={option}>
                  {label(option)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="staff-button" disabled={busy} onClick={compare}>
            {t('history.compare')}
          </button>
        </fieldset>
      )}
      {problem && (
        <p className="editor-alert" role="alert">
          <AdminProblem problem={problem} />
        </p>
      )}
      {comparison && <GuideComparison {...comparison} />}
    </section>
  );
}
