import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PAIRING_CODE_MINUTES, type IssuedPairingCode } from '../../shared/api/devices.ts';
import { useFocusOnMount } from '../../staff/use-focus-on-mount.ts';
import { QrCode } from '../../kiosk/phone/QrCode.tsx';
import { absoluteTime } from '../shell/time-format.ts';
import { pairingLinkFor } from './pairing-link.ts';

/**
 * A new pairing code, shown once (the server keeps only its hash): as big
 * digits to type on the tablet, as a QR code of the pairing link to scan
 * with it, and the link itself, with when the code stops working.
 */
export function PairingCodePanel({
  issued,
  onClose,
}: {
  issued: IssuedPairingCode;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const id = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const link = pairingLinkFor(window.location.origin, issued.pairingCode);
  const expires = absoluteTime(issued.pairingExpiresAt, i18n.resolvedLanguage ?? i18n.language);
  return (
    <section className="admin-card pairing-panel" aria-labelledby={id}>
      <h2 id={id} ref={headingRef} tabIndex={-1}>
        {t('tablets.pairing.title', { name: issued.device.name })}
      </h2>
      <p>{t('tablets.pairing.howTo')}</p>
      <div className="pairing-ways">
        <div>
          <p className="pairing-label">{t('tablets.pairing.code')}</p>
          <p className="pairing-code">{issued.pairingCode}</p>
          <p className="pairing-label">{t('tablets.pairing.link')}</p>
          <p className="pairing-link">
            <code>{link}</code>
          </p>
        </div>
        <QrCode text={link} label={t('tablets.pairing.qrLabel', { link })} />
      </div>
      <p className="staff-notice">
        {t('tablets.pairing.expires', { time: expires, minutes: PAIRING_CODE_MINUTES })}
      </p>
      <button type="button" className="staff-button" onClick={onClose}>
        {t('tablets.pairing.done')}
      </button>
    </section>
  );
}
