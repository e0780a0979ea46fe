import { useTranslation } from 'react-i18next';
import type { StepLink } from '../../shared/content/guide.ts';
import type { LanguageCode } from '../../shared/languages.ts';
import { Icon } from '../Icons.tsx';
import { hostOf } from './guide-on-phone-url.ts';
import { QrCode } from './QrCode.tsx';

/**
 * A page of the real service the step talks about, as a QR code to scan:
 * no link leads out of the kiosk, so the visitor continues on their own
 * phone. The host name is there in words for those who type it instead.
 * Its words are in the kiosk's language, or in `language` (the editor's
 * preview of a step in any language).
 */
export function StepLinkCard({ link, language }: { link: StepLink; language?: LanguageCode }) {
  const { t } = useTranslation('kiosk', language ? { lng: language } : undefined);
  const host = hostOf(link.url);
  return (
    <section className="phone-card" aria-labelledby="step-link-title">
      <div className="phone-card-words">
        <h2 id="step-link-title" className="phone-card-title">
          <Icon name="phone" />
          <span>{t('phone.continueTitle')}</span>
        </h2>
        <p>{t('phone.continueBody')}</p>
        <p className="phone-card-host" dir="ltr" translate="no">
          {host}
        </p>
      </div>
      <QrCode text={link.url} label={t('phone.linkQrLabel', { host })} />
    </section>
  );
}
