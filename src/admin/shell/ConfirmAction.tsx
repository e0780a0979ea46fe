import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnMount } from '../../staff/use-focus-on-mount.ts';

/**
 * A step that cannot be undone (remove, revoke): the button asks first,
 * in the page, with the consequence in words and the way back next to it.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="staff-button staff-button-small"
        onClick={() => {
          setAsking(true);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <ConfirmQuestion
      question={question}
      confirmLabel={confirmLabel}
      onAnswer={(confirmed) => {
        setAsking(false);
        if (confirmed) onConfirm();
      }}
    />
  );
}

function ConfirmQuestion({
  question,
  confirmLabel,
  onAnswer,
}: {
  question: string;
  confirmLabel: string;
  onAnswer: (confirmed: boolean) => void;
}) {
  const { t } = useTranslation('admin');
  const id = useId();
  const questionRef = useFocusOnMount<HTMLParagraphElement>();
  return (
    <div className="confirm-action" role="group" aria-labelledby={id}>
      <p id={id} ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      <div className="admin-actions">
        <button
          type="button"
          className="staff-button staff-button-small admin-button-danger"
          onClick={() => {
            onAnswer(true);
          }}
        >
          {confirmLabel}
        </button>
        <button
          type="button"
          className="staff-button staff-button-small"
          onClick={() => {
            onAnswer(false);
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
