import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../shared/api/accounts.ts';
import type { StaffHelpCall } from '../shared/api/help-calls.ts';

/** Where a call stands, in words: "Waiting", "You are on the way", "anna@… is on the way", "Done". */
export function CallStatus({ call, me }: { call: StaffHelpCall; me: StaffUser }) {
  const { t } = useTranslation('staff');
  const responder = call.acknowledgedBy;
  let text: string;
  if (call.status !== 'acknowledged') text = t(`status.${call.status}`);
  else if (!responder) text = t('status.acknowledgedBySomeone');
  else if (responder.id === me.id) text = t('status.acknowledgedByYou');
  else text = t('status.acknowledged', { name: responder.email });
  return <span className={`call-status status-${call.status}`}>{text}</span>;
}
