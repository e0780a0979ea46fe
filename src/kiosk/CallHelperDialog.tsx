import { Trans, useTranslation } from 'react-i18next';
import { Icon } from './Icons.tsx';
import { useModalDialog } from './use-modal-dialog.ts';

/**
 * What happens after "Call a helper". Calling staff from the tablet is not
 * built yet, so for now it tells the visitor where to ask in person.
 */
export function CallHelperDialog({
  open,
  infoDesk,
  onClose,
}: {
  open: boolean;
  /** The library's "where to ask" setting; unknown before the first sync. */
  infoDesk: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useModalDialog(open, onClose);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="call-helper-title">
      <h2 id="call-helper-title" className="dialog-title with-icon">
        <Icon name="helper" />
        <span>{t('help.title')}</span>
      </h2>
      <p>{t('help.notSetUp')}</p>
      <p className="dialog-emphasis">
        {infoDesk ? (
          <Trans
            i18nKey="help.askAt"
            values={{ infoDesk }}
            components={{ place: <bdi className="info-desk" /> }}
          />
        ) : (
          t('help.askLibrary')
        )}
      </p>
      <button type="button" className="button button-primary button-large" onClick={onClose}>
        <Icon name="close" />
        <span>{t('help.close')}</span>
      </button>
    </dialog>
  );
}
