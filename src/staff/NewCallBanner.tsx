import { useTranslation } from 'react-i18next';
import type { StaffHelpCall } from '../shared/api/help-calls.ts';

/**
 * "New call: 2nd floor, by the printers", above the queue until someone
 * looks or goes. New calls are at the end of the queue (it is oldest
 * first), so "Show" takes you there. Screen readers hear of the call from
 * the queue's live region, not from this.
 */
export function NewCallBanner({
  calls,
  onShow,
}: {
  calls: readonly StaffHelpCall[];
  onShow: () => void;
}) {
  const { t } = useTranslation('staff');
  const [first] = calls;
  if (!first) return null;
  return (
    <div className="new-call-banner">
      <p>
        {calls.length === 1
          ? t('alert.newCall', { location: first.location })
          : t('alert.manyNewCalls', { count: calls.length })}
      </p>
      <button type="button" className="staff-button staff-button-primary" onClick={onShow}>
        {t('alert.show')}
      </button>
    </div>
  );
}
