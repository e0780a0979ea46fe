import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../shared/api/accounts.ts';
import type { StaffHelpCall } from '../shared/api/help-calls.ts';
import { finishedAt } from './help-call-board.ts';
import { CallStatus } from './CallStatus.tsx';

/** Today's finished and cancelled calls, newest first, folded away until someone asks. */
export function HelpCallHistory({ calls, me }: { calls: readonly StaffHelpCall[]; me: StaffUser }) {
  const { t, i18n } = useTranslation('staff');
  const clock = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const timeOf = (iso: string) => <time dateTime={iso}>{clock.format(new Date(iso))}</time>;

  return (
    <details className="call-history">
      <summary>{t('history.title', { total: calls.length })}</summary>
      {calls.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <ol className="history-list">
          {calls.map((call) => {
            const ended = finishedAt(call);
            return (
              <li key={call.id} className="history-entry">
                <p className="history-location">{call.location}</p>
                <p className="history-meta">
                  <CallStatus call={call} me={me} />
                  {ended && <span> {timeOf(ended)}</span>}
                  <span>
                    {' · '}
                    {t('history.calledAt', { time: clock.format(new Date(call.waitingSince)) })}
                  </span>
                  <span>
                    {' · '}
                    {call.deviceName}
                  </span>
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
