import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { GuideListItem } from '../../shared/api/guide-editing.ts';
import { QueryProblem } from '../shell/QueryProblem.tsx';
import { useAdminQuery } from '../shell/use-admin-query.ts';
import { fetchGuideList } from './guide-editing-api.ts';
import { formatTime } from './language-labels.ts';
import { NewGuideForm } from './NewGuideForm.tsx';

/** /admin/guides: every guide, what state it is in, and "New guide". */
export function GuideListScreen() {
  const { t, i18n } = useTranslation('editor');
  const { data, problem, reload } = useAdminQuery(fetchGuideList);

  return (
    <div className="editor">
      <h1>{t('list.title')}</h1>
      {problem && <QueryProblem problem={problem} onRetry={reload} />}
      {!data && !problem && <p role="status">{t('list.loading')}</p>}
      {data &&
        (data.guides.length === 0 ? (
          <p>{t('list.empty')}</p>
        ) : (
          <div
            className="editor-table-scroll"
            role="region"
            aria-labelledby="guide-table-caption"
            tabIndex={0}
          >
            <table className="editor-table">
              <caption id="guide-table-caption">
                {t('list.caption', { days: data.reviewAfterDays })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('list.columns.title')}</th>
                  <th scope="col">{t('list.columns.category')}</th>
                  <th scope="col">{t('list.columns.status')}</th>
                  <th scope="col">{t('list.columns.lastVerified')}</th>
                  <th scope="col">{t('list.columns.saved')}</th>
                </tr>
              </thead>
              <tbody>
                {data.guides.map((guide) => (
                  <tr key={guide.id}>
                    <th scope="row">
                      <Link href={`/guides/${encodeURIComponent(guide.id)}`}>
                        {guide.title || t('list.untitled', { id: guide.id })}
                      </Link>
                    </th>
                    <td>{t(`categories.${guide.category}`)}</td>
                    <td>
                      <PublishStatus guide={guide} />
                    </td>
                    <td>
                      {guide.lastVerified}
                      {guide.reviewOverdue && (
                        <span className="editor-flag editor-flag-warning">
                          <span aria-hidden="true">⚠ </span>
                          {t('list.reviewOverdue')}
                        </span>
                      )}
                    </td>
                    <td>
                      {t('list.savedByAt', {
                        by: guide.savedBy,
                        at: formatTime(guide.savedAt, i18n.language),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      <NewGuideForm takenIds={data?.guides.map((guide) => guide.id) ?? []} />
    </div>
  );
}

function PublishStatus({ guide }: { guide: GuideListItem }) {
  const { t } = useTranslation('editor');
  if (!guide.published) return <span>{t('status.draftOnly')}</span>;
  return (
    <span>
      {t('status.publishedVersion', { version: guide.published.version })}
      {guide.unpublishedChanges && (
        <span className="editor-flag">{t('status.unpublishedChanges')}</span>
      )}
    </span>
  );
}
