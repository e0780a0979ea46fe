import { useTranslation } from 'react-i18next';
import type { FeedConnection } from './use-help-call-feed.ts';

/**
 * Says honestly whether new calls arrive by themselves: "Live" only while
 * the event stream is open. The word carries the meaning; the dot only
 * repeats it in colour.
 */
export function LiveIndicator({ connection }: { connection: FeedConnection }) {
  const { t } = useTranslation('staff');
  return (
    <p className={`live-indicator live-${connection}`} role="status">
      <span className="live-dot" aria-hidden="true" />
      <span>{t(`live.${connection}`)}</span>
    </p>
  );
}
