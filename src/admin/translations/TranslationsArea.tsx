import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { LanguageTranslationStatus } from '../../shared/api/guide-editing.ts';
import type { LanguageCode } from '../../shared/languages.ts';
import { fetchTranslationMatrix } from '../guides/guide-editing-api.ts';
import { languageLabel } from '../guides/language-labels.ts';
import { TranslationStateLabel } from '../guides/TranslationStateLabel.tsx';
import { usePartName } from '../guides/TranslationStatusNote.tsx';
import { QueryProblem } from '../shell/QueryProblem.tsx';
import { useAdminQuery } from '../shell/use-admin-query.ts';
import { UiWordsReview } from './UiWordsReview.tsx';
import '../editor.css';

/** Not current, or current but nobody who speaks the language has checked the machine's draft. */
const needsWork = (status: LanguageTranslationStatus) =>
  status.state !== 'current' || status.machineDrafted;

/**
 * /admin/translations: every guide against every language, each cell saying
 * in words (and an icon) whether the translation is missing, incomplete,
 * outdated or current, and linking to the editor with that language chosen.
 */
export function TranslationsArea() {
  const { t, i18n } = useTranslation('editor');
  const filterId = useId();
  const { data, problem, reload } = useAdminQuery(fetchTranslationMatrix);
  const [onlyNeedingWork, setOnlyNeedingWork] = useState(false);

  const rows = (data?.rows ?? []).filter(
    (row) => !onlyNeedingWork || row.reviewOverdue || row.translations.some(needsWork),
  );

  return (
    <div className="editor">
      <h1>{t('matrix.title')}</h1>
      {problem && <QueryProblem problem={problem} onRetry={reload} />}
      {!data && !problem && <p role="status">{t('matrix.loading')}</p>}
      {data && (
        <>
          <div className="editor-check">
            <input
              type="checkbox"
              id={filterId}
              checked={onlyNeedingWork}
              onChange={(event) => {
                setOnlyNeedingWork(event.target.checked);
              }}
            />
            <label htmlFor={filterId}>{t('matrix.needsWork')}</label>
          </div>
          <p role="status">
            {t('matrix.showing', { count: rows.length, total: data.rows.length })}
          </p>
          <div
            className="editor-table-scroll"
            role="region"
            aria-labelledby="matrix-caption"
            tabIndex={0}
          >
            <table className="editor-table editor-matrix">
              <caption id="matrix-caption">
                {t('matrix.caption', { days: data.reviewAfterDays })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('matrix.guide')}</th>
                  {data.languages.map((code) => (
                    <th scope="col" key={code}>
                      {languageLabel(code, i18n.language)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <Link href={`/guides/${encodeURIComponent(row.id)}`}>
                        {row.title || row.id}
                      </Link>
                      {!row.published && (
                        <span className="editor-flag">{t('status.draftOnly')}</span>
                      )}
                      {row.reviewOverdue && (
                        <span className="editor-flag editor-flag-warning">
                          <span aria-hidden="true">⚠ </span>
                          {t('list.reviewOverdue')}
                        </span>
                      )}
                    </th>
                    {data.languages.map((code) => (
                      <td key={code}>
                        <MatrixCell
                          guideId={row.id}
                          language={code}
                          status={row.translations.find((entry) => entry.language === code)}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <UiWordsReview />
    </div>
  );
}

function MatrixCell({
  guideId,
  language,
  status,
}: {
  guideId: string;
  language: LanguageCode;
  status: LanguageTranslationStatus | undefined;
}) {
  const { t, i18n } = useTranslation('editor');
  const partName = usePartName();
  if (!status) return null;
  const parts = status.state === 'outdated' ? status.outdatedParts : status.missingParts;
  return (
    <div className="editor-matrix-cell">
      <TranslationStateLabel status={status} />
      {(status.state === 'outdated' || status.state === 'incomplete') && parts.length > 0 && (
        <details>
          <summary>{t('matrix.whichParts')}</summary>
          <ul>
            {parts.map((part) => (
              <li key={part.part}>{partName(part)}</li>
            ))}
          </ul>
        </details>
      )}
      <Link href={`/guides/${encodeURIComponent(guideId)}?lang=${language}`}>
        {t('matrix.edit', { language: languageLabel(language, i18n.language) })}
      </Link>
    </div>
  );
}
