import { useTranslation } from 'react-i18next';
import type { PairingOutcome } from '../../browser/device/pair-tablet.ts';
import { Icon } from '../Icons.tsx';
import { useModalDialog } from '../use-modal-dialog.ts';
import { pairingWords } from './pairing-words.ts';

/** How pairing from a `?pair=` link went, in plain words, until staff close it. */
export function PairingResultDialog({
  outcome,
  onClose,
}: {
  outcome: PairingOutcome | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useModalDialog(outcome !== null, onClose);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="pairing-result-title">
      <h2 id="pairing-result-title" className="dialog-title">
        {t('setup.resultTitle')}
      </h2>
      <p role="status">{outcome && pairingWords(outcome, t)}</p>
      <button type="button" className="button button-primary button-large" onClick={onClose}>
        <Icon name="close" />
        <span>{t('setup.close')}</span>
      </button>
    </dialog>
  );
}
