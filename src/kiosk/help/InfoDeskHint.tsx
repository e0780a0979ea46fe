import { Trans, useTranslation } from 'react-i18next';

/**
 * Where to ask in person: the branch's own words for its information desk,
 * or "the library staff" before the tablet knows its branch. `also` after a
 * call that may still reach staff; plain "ask at" when it cannot.
 */
export function InfoDeskHint({
  infoDesk,
  also = false,
}: {
  infoDesk: string | undefined;
  also?: boolean;
}) {
  const { t } = useTranslation();
  if (!infoDesk) return t(also ? 'help.status.alsoAskLibrary' : 'help.askLibrary');
  return (
    <Trans
      i18nKey={also ? 'help.status.alsoAskAt' : 'help.askAt'}
      values={{ infoDesk }}
      components={{ place: <bdi className="info-desk" /> }}
    />
  );
}
