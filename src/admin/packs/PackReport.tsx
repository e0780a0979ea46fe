import { useTranslation } from 'react-i18next';
import type { PackImport } from '../../shared/api/guide-packs.ts';
import { formatTime } from '../guides/language-labels.ts';

/** What an import would do (a preview) or did: each guide's action, and the pictures. */
export function PackReport({ report }: { report: PackImport }) {
  const { t, i18n } = useTranslation('editor');
  return (
    <div className="editor-notice editor-pack-report">
      <h3>
        {report.applied
          ? report.published
            ? t('packs.importedAndPublished')
            : t('packs.imported')
          : t('packs.previewHeading')}
      </h3>
      <p>
        {t('packs.from', {
          from: report.exportedFrom,
          at: formatTime(report.exportedAt, i18n.language),
        })}
      </p>
      <ul>
        {report.guides.map((guide) => (
          <li key={guide.id}>
            <strong lang="sv">{guide.title || guide.id}</strong>
            {': '}
            {t(`packs.actions.${guide.action}`)}
          </li>
        ))}
      </ul>
      <p>
        {t('packs.pictures', {
          added: report.images.added,
          alreadyHere: report.images.alreadyHere,
        })}
      </p>
      {report.images.renamed.length > 0 && (
        <>
          <p>{t('packs.renamed', { count: report.images.renamed.length })}</p>
          <ul>
            {report.images.renamed.map((rename) => (
              <li key={rename.from}>{t('packs.renamedOne', rename)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
