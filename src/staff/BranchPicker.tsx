import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffBranch } from '../shared/api/help-calls.ts';
import { ProblemMessage } from './ProblemMessage.tsx';
import {
  asApiRequestError,
  fetchBranches,
  NotLoggedInError,
  type ApiRequestError,
} from './staff-api.ts';
import { useDocumentTitle } from './use-document-title.ts';
import { useFocusOnMount } from './use-focus-on-mount.ts';

/** Which branch's calls this device shows. The choice is remembered by the caller. */
export function BranchPicker({
  branchGone,
  onChoose,
  onNotLoggedIn,
}: {
  /** The remembered branch was deleted: say so. */
  branchGone: boolean;
  onChoose: (branch: StaffBranch) => void;
  onNotLoggedIn: () => void;
}) {
  const { t } = useTranslation('staff');
  const id = useId();
  const [branches, setBranches] = useState<StaffBranch[]>();
  const [problem, setProblem] = useState<ApiRequestError>();
  const [attempt, setAttempt] = useState(0);
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  useDocumentTitle(t('branches.documentTitle'));

  useEffect(() => {
    const abort = new AbortController();
    fetchBranches(abort.signal).then(
      (list) => {
        setBranches(list);
        setProblem(undefined);
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof NotLoggedInError) onNotLoggedIn();
        else setProblem(asApiRequestError(error));
      },
    );
    return () => {
      abort.abort();
    };
  }, [attempt, onNotLoggedIn]);

  return (
    <section className="staff-screen" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('branches.title')}
      </h1>
      {branchGone && (
        <p className="staff-notice" role="alert">
          {t('branches.gone')}
        </p>
      )}
      <p>{t('branches.intro')}</p>
      {problem && (
        <div className="staff-problem" role="alert">
          <p>
            <ProblemMessage problem={problem} />
          </p>
          <button
            type="button"
            className="staff-button"
            onClick={() => {
              setAttempt((count) => count + 1);
            }}
          >
            {t('app.tryAgain')}
          </button>
        </div>
      )}
      {!branches && !problem && <p role="status">{t('branches.loading')}</p>}
      {branches?.length === 0 && <p>{t('branches.none')}</p>}
      {branches && branches.length > 0 && (
        <ul className="branch-list">
          {branches.map((branch) => (
            <li key={branch.id}>
              <button
                type="button"
                className="staff-button staff-button-large branch-choice"
                onClick={() => {
                  onChoose(branch);
                }}
              >
                {branch.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
