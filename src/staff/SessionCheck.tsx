import { useTranslation } from 'react-i18next';
import { ProblemMessage } from './ProblemMessage.tsx';
import type { ApiRequestError } from './staff-api.ts';

/** While the screen asks the server who is logged in, or when the server could not be asked. */
export function SessionCheck({
  problem,
  onRetry,
}: {
  problem: ApiRequestError | undefined;
  onRetry: () => void;
}) {
  const { t } = useTranslation('staff');
  if (!problem) {
    return (
      <p className="staff-screen" role="status">
        {t('app.starting')}
      </p>
    );
  }
  return (
    <div className="staff-screen staff-problem" role="alert">
      <p>
        <ProblemMessage problem={problem} />
      </p>
      <button type="button" className="staff-button" onClick={onRetry}>
        {t('app.tryAgain')}
      </button>
    </div>
  );
}
