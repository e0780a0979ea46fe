import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { staffI18n } from '../../browser/i18n/staff-i18n.ts';
import { ProblemMessage } from '../../staff/ProblemMessage.tsx';
import type { ApiRequestError } from '../../staff/staff-api.ts';

/**
 * The staff screen's components (login, problems) read the 'staff'
 * namespace of their own i18next instance; the admin area keeps that
 * instance in the same language (see AdminLanguageSelect).
 */
export function StaffStrings({ children }: { children: ReactNode }) {
  return <I18nextProvider i18n={staffI18n}>{children}</I18nextProvider>;
}

/** What went wrong, as the staff screen says it: the server's sentence, or a plain one. */
export function AdminProblem({ problem }: { problem: ApiRequestError }) {
  return (
    <StaffStrings>
      <ProblemMessage problem={problem} />
    </StaffStrings>
  );
}
