import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANSWER_WITHIN_SECONDS } from './use-activity.ts';
import { useModalDialog } from './use-modal-dialog.ts';
/**
 * Screen readers hear the countdown when the question opens (the dialog's
 * description) and once more at this many seconds: not every second, which
 * would drown out everything else.
 */
const ANNOUNCE_AGAIN_AT_SECONDS = 10;

/**
 * Asked when nobody has touched the kiosk for a while: if nobody answers
 * within ANSWER_WITHIN_SECONDS, the kiosk starts over (KioskApp keeps that
 * time, so it starts over even if this dialog could not be shown), and the
 * next visitor does not land in someone else's guide and language. The
 * dialog is modal: a touch beside it does not count as an answer, its two
 * buttons (or Escape, for "still here") do.
 */
export function StillHereDialog({
  open,
  onStay,
  onStartOver,
}: {
  open: boolean;
  onStay: () => void;
  /** The visitor chose to start over now. */
  onStartOver: () => void;
}) {
  const { t } = useTranslation();
  const ref = useModalDialog(open, onStay);

  return (
    <dialog
      ref={ref}
      className="dialog still-here"
      aria-labelledby="still-here-title"
      aria-describedby="still-here-body"
    >
      <h2 id="still-here-title" className="dialog-title">
        {t('idle.title')}
      </h2>
      <p id="still-here-body">{t('idle.body')}</p>
      {/* Rendered only while open: every question counts down from the start. */}
      {open && <Countdown />}
      <button type="button" className="button button-primary button-large" onClick={onStay}>
        {t('idle.stay')}
      </button>
      <button type="button" className="button button-large" onClick={onStartOver}>
        {t('idle.startOver')}
      </button>
    </dialog>
  );
}

/** The seconds left, shown; KioskApp's own timer decides when the time is up. */
function Countdown() {
  const { t } = useTranslation();
  const [secondsLeft, setSecondsLeft] = useState(ANSWER_WITHIN_SECONDS);

  useEffect(() => {
    if (secondsLeft <= 1) return;
    const tick = setTimeout(() => {
      setSecondsLeft((seconds) => seconds - 1);
    }, 1000);
    return () => {
      clearTimeout(tick);
    };
  }, [secondsLeft]);

  return (
    <>
      <p className="still-here-countdown">
        <span className="still-here-seconds">{secondsLeft}</span>{' '}
        {t('idle.secondsLeft', { count: secondsLeft })}
      </p>
      {/* Said to screen readers once more at 10 s; the number above shows the same. */}
      <p role="status" className="visually-hidden">
        {secondsLeft <= ANNOUNCE_AGAIN_AT_SECONDS
          ? t('idle.startsOverSoon', { seconds: ANNOUNCE_AGAIN_AT_SECONDS })
          : ''}
      </p>
    </>
  );
}
