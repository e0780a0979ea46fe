import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { verifySetupPin } from '../../browser/device/setup-pin.ts';
import type { KioskSetupPin } from '../../shared/api/devices.ts';

/** Asks for the branch's setup PIN and checks it on the tablet (it works offline). */
export function SetupPinForm({
  setupPin,
  onUnlocked,
}: {
  setupPin: KioskSetupPin;
  onUnlocked: () => void;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(false);

  return (
    <form
      className="setup-form"
      onSubmit={(event) => {
        event.preventDefault();
        verifySetupPin(pin, setupPin).then(
          (right) => {
            if (right) {
              onUnlocked();
            } else {
              setWrong(true);
              setPin('');
            }
          },
          () => {
            setWrong(true);
          },
        );
      }}
    >
      <label htmlFor="setup-pin" className="setup-label">
        {t('setup.pinLabel')}
      </label>
      <input
        id="setup-pin"
        className="text-field"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        // The dialog opened for this one field.
        autoFocus
        value={pin}
        aria-invalid={wrong}
        aria-describedby={wrong ? 'setup-pin-wrong' : undefined}
        onChange={(event) => {
          setPin(event.target.value);
        }}
      />
      {wrong && (
        <p id="setup-pin-wrong" className="setup-problem" role="alert">
          {t('setup.wrongPin')}
        </p>
      )}
      <button type="submit" className="button button-primary button-large">
        {t('setup.unlock')}
      </button>
    </form>
  );
}
