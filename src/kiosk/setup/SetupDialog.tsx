import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskDevice } from '../../browser/device/kiosk-device-hooks.ts';
import { Icon } from '../Icons.tsx';
import { useModalDialog } from '../use-modal-dialog.ts';
import { SetupDetails } from './SetupDetails.tsx';
import { SetupPinForm } from './SetupPinForm.tsx';
import './setup.css';

/**
 * The tablet's setup screen, for staff: how the tablet is paired and how its
 * calls stand, and pairing with a new code. Behind the branch's PIN when it
 * has one; a tablet that was never paired has nothing to protect (pairing
 * needs a librarian's code anyway).
 */
export function SetupDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useModalDialog(open, onClose);
  return (
    <dialog ref={ref} className="dialog setup-dialog" aria-labelledby="setup-title">
      <h2 id="setup-title" className="dialog-title">
        {t('setup.title')}
      </h2>
      {/* Rendered only while open: each opening asks for the PIN again. */}
      {open && <SetupContent />}
      <button type="button" className="button button-large" onClick={onClose}>
        <Icon name="close" />
        <span>{t('setup.close')}</span>
      </button>
    </dialog>
  );
}

function SetupContent() {
  const device = useKioskDevice();
  const [unlocked, setUnlocked] = useState(false);
  if (device === undefined) return null;
  const setupPin = device?.setupPin ?? null;
  if (setupPin && !unlocked) {
    return (
      <SetupPinForm
        setupPin={setupPin}
        onUnlocked={() => {
          setUnlocked(true);
        }}
      />
    );
  }
  return <SetupDetails device={device} />;
}
