import { useTranslation } from 'react-i18next';
import type { StaffHelpCall } from '../shared/api/help-calls.ts';
import { languageNamesFor } from './language-names.ts';
import type { GuideTitleOf } from './use-guide-titles.ts';

/**
 * What staff need to know before they walk over: which tablet, where the
 * visitor is in which guide, their language (as the visitor wrote it and
 * as staff call it, to find a colleague who speaks it) and their needs.
 */
export function CallFacts({
  call,
  guideTitleOf,
}: {
  call: StaffHelpCall;
  guideTitleOf: GuideTitleOf;
}) {
  const { t, i18n } = useTranslation('staff');
  const language = languageNamesFor(call.language, i18n.language);
  const guide = call.guideId === null ? undefined : guideTitleOf(call.guideId);
  const showStaffName = language.staffName.toLowerCase() !== language.nativeName.toLowerCase();

  return (
    <dl className="staff-facts">
      <div>
        <dt>{t('call.device')}</dt>
        <dd>{call.deviceName}</dd>
      </div>
      <div>
        <dt>{t('call.guide')}</dt>
        <dd>
          {call.guideId === null ? (
            t('call.onStartScreen')
          ) : (
            <span lang={guide?.lang}>{guide?.title ?? call.guideId}</span>
          )}
          {call.guideId !== null && call.stepNumber !== null && (
            <span>
              {', '}
              {t('call.step', { step: call.stepNumber })}
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('call.language')}</dt>
        <dd>
          <bdi className="language-native" lang={call.language} dir={language.dir}>
            {language.nativeName}
          </bdi>
          {showStaffName && <span>{` (${language.staffName})`}</span>}
        </dd>
      </div>
      {call.needs.length > 0 && (
        <div>
          <dt>{t('call.needs')}</dt>
          <dd>
            <ul className="need-badges">
              {call.needs.map((need) => (
                <li key={need} className="staff-badge need-badge">
                  {t(`needs.${need}`)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}
