import { useTranslation } from 'react-i18next';
import type { ApiRequestError } from '../../staff/staff-api.ts';
import { AdminProblem } from './StaffStrings.tsx';

/** Loading what the screen shows failed: why, and a way to try again. */
export function QueryProblem({
  problem,
  onRetry,
}: {
  problem: ApiRequestError;
  onRetry: () => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <div className="staff-problem" role="alert">
      <p>
        <AdminProblem problem={problem} />
      </p>
      <button type="button" className="staff-button" onClick={onRetry}>
        {t('app.tryAgain')}
      </button>
    </div>
  );
}
