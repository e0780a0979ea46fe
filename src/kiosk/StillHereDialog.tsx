import { useEffect, useEffectEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from './use-modal-dialog.ts';

/** How long the question waits for an answer before the kiosk starts over. */
const ANSWER_WITHIN_MS = 60_000;

/**
 * Asked when nobody has touched the kiosk for a while: if nobody answers,
 * the kiosk starts over, so the next visitor does not land in someone
 * else's guide and language.
 */
export function StillHereDialog({
  open,
  onStay,
  onNoAnswer,
}: {
  open: boolean;
  onStay: () => void;
  onNoAnswer: () => void;
}) {
  const { t } = useTranslation();
  const ref = useModalDialog(open, onStay);
  const giveUp = useEffectEvent(onNoAnswer);

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(giveUp, ANSWER_WITHIN_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [open]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="still-here-title">
      <h2 id="still-here-title" className="dialog-title">
        {t('idle.title')}
      </h2>
      <p>{t('idle.body')}</p>
      <button type="button" className="button button-primary button-large" onClick={onStay}>
        {t('idle.stay')}
      </button>
    </dialog>
  );
}
