import { useTranslation } from 'react-i18next';
import type { ApiRequestError } from './staff-api.ts';

/**
 * What went wrong, readably: the server's own sentence when it sent one
 * (they say what to do, e.g. how long to wait), else a plain one of ours.
 * The server writes English, so its sentence is marked as English.
 */
export function ProblemMessage({ problem }: { problem: ApiRequestError }) {
  const { t } = useTranslation('staff');
  if (problem.serverMessage) return <span lang="en">{problem.serverMessage}</span>;
  if (problem.status === undefined) return <span>{t('errors.network')}</span>;
  return <span>{t('errors.server', { status: problem.status })}</span>;
}
