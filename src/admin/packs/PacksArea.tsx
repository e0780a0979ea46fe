import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchGuideList, packExportUrl } from '../guides/guide-editing-api.ts';
import { QueryProblem } from '../shell/QueryProblem.tsx';
import { useAdminQuery } from '../shell/use-admin-query.ts';
import { PackImportForm } from './PackImportForm.tsx';
import '../editor.css';

/** /admin/packs: share published guides with another library as one file, and import theirs. */
export function PacksArea() {
  const { t } = useTranslation('editor');
  const formId = useId();
  const { data, problem, reload } = useAdminQuery(fetchGuideList);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());

  const published = (data?.guides ?? []).filter((guide) => guide.published);
  const chosenIds = published.filter((guide) => chosen.has(guide.id)).map((guide) => guide.id);
  const allChosen = published.length > 0 && chosenIds.length === published.length;

  const toggle = (id: string, on: boolean) => {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  return (
    <div className="editor">
      <h1>{t('packs.title')}</h1>
      <section className="editor-section" aria-labelledby={`${formId}-export`}>
        <h2 id={`${formId}-export`}>{t('packs.exportHeading')}</h2>
        <p>{t('packs.exportLead')}</p>
        {problem && <QueryProblem problem={problem} onRetry={reload} />}
        {data && published.length === 0 && <p>{t('packs.nothingPublished')}</p>}
        {published.length > 0 && (
          <fieldset className="editor-pack-choice">
            <legend>{t('packs.chooseGuides')}</legend>
            <div className="editor-check">
              <input
                type="checkbox"
                id={`${formId}-all`}
                checked={allChosen}
                onChange={(event) => {
                  setChosen(
                    event.target.checked ? new Set(published.map((guide) => guide.id)) : new Set(),
                  );
                }}
              />
              <label htmlFor={`${formId}-all`}>{t('packs.selectAll')}</label>
            </div>
            {published.map((guide) => (
              <div className="editor-check" key={guide.id}>
                <input
                  type="checkbox"
                  id={`${formId}-${guide.id}`}
                  checked={chosen.has(guide.id)}
                  onChange={(event) => {
                    toggle(guide.id, event.target.checked);
                  }}
                />
                <label htmlFor={`${formId}-${guide.id}`} lang="sv">
                  {guide.title || guide.id}
                </label>
              </div>
            ))}
          </fieldset>
        )}
        {published.length > 0 &&
          (chosenIds.length > 0 ? (
            <a
              className="staff-button staff-button-primary"
              href={packExportUrl(chosenIds)}
              download
            >
              {t('packs.export', { count: chosenIds.length })}
            </a>
          ) : (
            <p className="editor-hint">{t('packs.chooseFirst')}</p>
          ))}
      </section>
      <PackImportForm />
    </div>
  );
}
