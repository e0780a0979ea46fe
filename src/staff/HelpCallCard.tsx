import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../shared/api/accounts.ts';
import type { StaffHelpCall } from '../shared/api/help-calls.ts';
import { CallFacts } from './CallFacts.tsx';
import { CallStatus } from './CallStatus.tsx';
import { ProblemMessage } from './ProblemMessage.tsx';
import { asApiRequestError, type ApiRequestError, type HelpCallAction } from './staff-api.ts';
import type { GuideTitleOf } from './use-guide-titles.ts';
import { WaitedFor } from './WaitedFor.tsx';

export const helpCallCardId = (callId: string) => `help-call-${callId}`;

/**
 * One open call: where (large, it is where staff walk to), how long the
 * visitor has waited, what they need, and two large buttons that work with
 * a thumb while walking: "I'm coming" and "Done".
 */
export function HelpCallCard({
  call,
  isNew,
  me,
  serverNow,
  guideTitleOf,
  onAction,
}: {
  call: StaffHelpCall;
  /** Arrived while the screen was watching and nobody has answered it yet. */
  isNew: boolean;
  me: StaffUser;
  serverNow: number;
  guideTitleOf: GuideTitleOf;
  onAction: (call: StaffHelpCall, action: HelpCallAction) => Promise<void>;
}) {
  const { t } = useTranslation('staff');
  const [busy, setBusy] = useState<HelpCallAction>();
  const [problem, setProblem] = useState<ApiRequestError>();
  const doneRef = useRef<HTMLButtonElement>(null);
  const cardId = helpCallCardId(call.id);
  const locationId = `${cardId}-location`;

  const act = (action: HelpCallAction) => {
    if (busy) return;
    setBusy(action);
    setProblem(undefined);
    onAction(call, action).then(
      () => {
        setBusy(undefined);
        // "I'm coming" disappears with the answer: keep the focus on the card's next step.
        if (action === 'acknowledge') doneRef.current?.focus();
      },
      (error: unknown) => {
        setBusy(undefined);
        setProblem(asApiRequestError(error));
      },
    );
  };

  return (
    <article
      id={cardId}
      className={isNew ? 'call-card call-card-new' : 'call-card'}
      aria-labelledby={locationId}
      tabIndex={-1}
    >
      <div className="call-card-top">
        <WaitedFor since={call.waitingSince} serverNow={serverNow} />
        <CallStatus call={call} me={me} />
        {isNew && <span className="staff-badge staff-badge-new">{t('call.new')}</span>}
      </div>
      <h3 id={locationId} className="call-location">
        {call.location}
      </h3>
      <CallFacts call={call} guideTitleOf={guideTitleOf} />
      {problem && (
        <p className="staff-problem" role="alert">
          <ProblemMessage problem={problem} />
        </p>
      )}
      <div className="call-actions">
        {call.status === 'waiting' && (
          <button
            type="button"
            className="staff-button staff-button-primary staff-button-large"
            aria-describedby={locationId}
            aria-disabled={busy !== undefined || undefined}
            onClick={() => {
              act('acknowledge');
            }}
          >
            {t('call.acknowledge')}
          </button>
        )}
        <button
          ref={doneRef}
          type="button"
          className={
            call.status === 'waiting'
              ? 'staff-button staff-button-large'
              : 'staff-button staff-button-primary staff-button-large'
          }
          aria-describedby={locationId}
          aria-disabled={busy !== undefined || undefined}
          onClick={() => {
            act('done');
          }}
        >
          {t('call.done')}
        </button>
      </div>
    </article>
  );
}
