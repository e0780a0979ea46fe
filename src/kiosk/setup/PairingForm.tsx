import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pairThisTablet, type PairingOutcome } from '../../browser/device/pair-tablet.ts';
import { pairingWords } from './pairing-words.ts';

/** The six-digit code from the admin page, and Pair. */
export function PairingForm() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [pairing, setPairing] = useState(false);
  const [outcome, setOutcome] = useState<PairingOutcome | null>(null);

  return (
    <form
      className="setup-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (pairing) return;
        setPairing(true);
        setOutcome(null);
        pairThisTablet(code)
          .catch((): PairingOutcome => ({ status: 'failed', reason: 'network', message: '' }))
          .then((result) => {
            setOutcome(result);
            setPairing(false);
            if (result.status === 'paired') setCode('');
          }, console.error);
      }}
    >
      <label htmlFor="pairing-code" className="setup-label">
        {t('setup.codeLabel')}
      </label>
      <input
        id="pairing-code"
        className="text-field pairing-code"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        pattern="[0-9]*"
        maxLength={6}
        value={code}
        onChange={(event) => {
          setCode(event.target.value.replace(/\D/g, '').slice(0, 6));
        }}
      />
      <button type="submit" className="button button-primary button-large" aria-disabled={pairing}>
        {t('setup.pair')}
      </button>
      <p role="status" className="setup-outcome">
        {pairing ? t('setup.pairingNow') : outcome && pairingWords(outcome, t)}
      </p>
    </form>
  );
}
