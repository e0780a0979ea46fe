import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpCallChime } from './use-help-call-chime.ts';

/** One tap turns the sound for new calls on (and rings once), another turns it off. */
export function SoundToggle({ chime }: { chime: HelpCallChime }) {
  const { t } = useTranslation('staff');
  const [failed, setFailed] = useState(false);
  if (!chime.supported) return null;
  return (
    <div className="sound-toggle">
      <button
        type="button"
        className={chime.on ? 'staff-button' : 'staff-button staff-button-attention'}
        onClick={() => {
          setFailed(false);
          chime.toggle().catch((error: unknown) => {
            console.warn('Could not turn on the sound.', error);
            setFailed(true);
          });
        }}
      >
        <svg className="staff-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M4 9v6h4l5 4V5L8 9H4z" fill="currentColor" />
          {chime.on ? (
            <path
              d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
          ) : (
            <path
              d="M16 9l5 6M21 9l-5 6"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
          )}
        </svg>
        <span>{chime.on ? t('sound.turnOff') : t('sound.turnOn')}</span>
      </button>
      {failed && (
        <p className="staff-problem" role="alert">
          {t('sound.failed')}
        </p>
      )}
    </div>
  );
}
