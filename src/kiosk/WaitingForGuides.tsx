import { useTranslation } from 'react-i18next';
import { useOnline } from './use-online.ts';

/** Shown until the tablet's first content sync has finished. */
export function WaitingForGuides() {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <p className="notice waiting-for-guides" role="status">
      {online ? t('start.gettingReady') : t('offline.noGuidesYet')}
    </p>
  );
}
