import { useTranslation } from 'react-i18next';
import { useNow } from '../../staff/use-now.ts';
import { absoluteTime, relativeTime } from './time-format.ts';

/** "5 minutes ago (3 Mar 2026, 14:05)", kept current while the page is open. */
export function TimeAgo({ iso }: { iso: string }) {
  const { i18n } = useTranslation('admin');
  const now = useNow(30_000);
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <time dateTime={iso} className="time-ago">
      <span>{relativeTime(iso, now, language)}</span>{' '}
      <span className="time-absolute">({absoluteTime(iso, language)})</span>
    </time>
  );
}
