import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../Icons.tsx';
import { useModalDialog } from '../use-modal-dialog.ts';
import { QrCode } from './QrCode.tsx';

/**
 * "This guide on your phone": a button that opens a dialog with the QR code
 * of the guide's page for phones. The address holds only the guide, the
 * language and the step: nothing about the visitor.
 */
export function GuideOnPhone({ url }: { url: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
  };
  const ref = useModalDialog(open, close);
  return (
    <>
      <button
        type="button"
        className="button guide-on-phone-button"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
        }}
      >
        <Icon name="phone" />
        <span>{t('phone.guideButton')}</span>
      </button>
      <dialog ref={ref} className="dialog phone-dialog" aria-labelledby="guide-on-phone-title">
        <h2 id="guide-on-phone-title" className="dialog-title with-icon">
          <Icon name="phone" />
          <span>{t('phone.guideTitle')}</span>
        </h2>
        <p>{t('phone.guideBody')}</p>
        {/* Drawn only while open: the QR library loads the first time a visitor asks. */}
        {open && <QrCode text={url} label={t('phone.guideQrLabel')} />}
        <button type="button" className="button button-primary button-large" onClick={close}>
          <Icon name="close" />
          <span>{t('phone.close')}</span>
        </button>
      </dialog>
    </>
  );
}
