import { useTranslation } from 'react-i18next';
import { waitingTime } from './waiting-time.ts';

/** "Waited 4 min", counted by the server's clock so every staff screen agrees. */
export function WaitedFor({ since, serverNow }: { since: string; serverNow: number }) {
  const { t } = useTranslation('staff');
  const waited = waitingTime(since, serverNow);
  let text: string;
  if (waited.totalMinutes < 1) text = t('call.waitedLessThanAMinute');
  else if (waited.hours === 0) text = t('call.waitedMinutes', { minutes: waited.minutes });
  else text = t('call.waitedHours', { hours: waited.hours, minutes: waited.minutes });
  return (
    <time
      className={waited.totalMinutes >= 5 ? 'waited waited-long' : 'waited'}
      dateTime={waited.isoDuration}
    >
      {text}
    </time>
  );
}
