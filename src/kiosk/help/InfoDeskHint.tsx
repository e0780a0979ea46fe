import { useTranslation } from 'react-i18next';

/** Stands in for the desk's name in the translated sentence, so the name can be isolated. */
const DESK = '\u0000';

/**
 * Where to ask in person: the branch's own words for its information desk,
 * or "the library staff" before the tablet knows its branch. `also` after a
 * call that may still reach staff; plain "ask at" when it cannot. The desk's
 * name is isolated (<bdi>), as it may be in another script than the sentence.
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
  const sentence = t(also ? 'help.status.alsoAskAt' : 'help.askAt', { infoDesk: DESK });
  const [before = '', ...rest] = sentence.split(DESK);
  return (
    <>
      {before}
      <bdi className="info-desk">{infoDesk}</bdi>
      {rest.join('')}
    </>
  );
}
