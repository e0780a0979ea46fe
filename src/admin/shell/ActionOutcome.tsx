import type { ApiRequestError } from '../../staff/staff-api.ts';
import { AdminProblem } from './StaffStrings.tsx';

/** What the last action on a screen came to: done (in words) or the server's reason why not. */
export type Outcome = { done: string } | { problem: ApiRequestError } | undefined;

/**
 * Both regions are always in the page, so what appears in them is read out:
 * a success politely, a refusal (e.g. "the last admin") at once.
 */
export function ActionOutcome({ outcome }: { outcome: Outcome }) {
  return (
    <>
      <div role="status" className="action-outcome">
        {outcome && 'done' in outcome && <p className="staff-notice">{outcome.done}</p>}
      </div>
      <div role="alert" className="action-outcome">
        {outcome && 'problem' in outcome && (
          <p className="staff-problem">
            <AdminProblem problem={outcome.problem} />
          </p>
        )}
      </div>
    </>
  );
}
