import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../shared/api/accounts.ts';
import type { StaffHelpCall } from '../shared/api/help-calls.ts';
import { finishedCalls, openCalls } from './help-call-board.ts';
import { HelpCallCard, helpCallCardId } from './HelpCallCard.tsx';
import { HelpCallHistory } from './HelpCallHistory.tsx';
import { LiveIndicator } from './LiveIndicator.tsx';
import { NewCallBanner } from './NewCallBanner.tsx';
import { ProblemMessage } from './ProblemMessage.tsx';
import { SoundToggle } from './SoundToggle.tsx';
import { actOnHelpCall, NotLoggedInError, type HelpCallAction } from './staff-api.ts';
import { useDocumentTitle } from './use-document-title.ts';
import { useFocusOnMount } from './use-focus-on-mount.ts';
import { useGuideTitles } from './use-guide-titles.ts';
import type { HelpCallChime } from './use-help-call-chime.ts';
import { useHelpCallFeed } from './use-help-call-feed.ts';
import { useNow } from './use-now.ts';

/** Wait times move on by the minute; a quarter of that keeps them at most 15 s behind. */
const CLOCK_TICK_MS = 15_000;

interface Announcement {
  serial: number;
  text: string;
}

/**
 * A branch's live queue: open calls, oldest first, and today's finished
 * ones below. A new call is announced four ways: its card is marked, a
 * banner names it, the tab title counts the waiting calls, and a chime
 * rings (once staff have turned the sound on); screen readers hear it too.
 *
 * Mount with key={branchId}.
 */
export function HelpCallQueue({
  branchId,
  me,
  chime,
  onChangeBranch,
  onNotLoggedIn,
  onBranchGone,
}: {
  branchId: number;
  me: StaffUser;
  chime: HelpCallChime;
  onChangeBranch: () => void;
  onNotLoggedIn: () => void;
  onBranchGone: () => void;
}) {
  const { t, i18n } = useTranslation('staff');
  const id = useId();
  const [newCallIds, setNewCallIds] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState<Announcement>();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const openHeadingRef = useRef<HTMLHeadingElement>(null);

  const feed = useHelpCallFeed(branchId, {
    onNewCalls: (calls) => {
      setNewCallIds((known) => new Set([...known, ...calls.map((call) => call.id)]));
      const [first] = calls;
      const text =
        calls.length === 1 && first
          ? t('alert.newCall', { location: first.location })
          : t('alert.manyNewCalls', { count: calls.length });
      setAnnouncement((last) => ({ serial: (last?.serial ?? 0) + 1, text }));
      chime.ring();
    },
    onNotLoggedIn,
    onBranchGone,
  });
  const guideTitleOf = useGuideTitles(branchId, i18n.language);
  const serverNow = useNow(CLOCK_TICK_MS) + feed.serverClockOffsetMs;

  const open = openCalls(feed.board);
  const finished = finishedCalls(feed.board);
  const waitingCount = open.filter((call) => call.status === 'waiting').length;
  const alerting = open.filter((call) => call.status === 'waiting' && newCallIds.has(call.id));
  const branchName = feed.branch?.name ?? '';
  const title = t('queue.documentTitle', { branch: branchName });
  useDocumentTitle(waitingCount > 0 ? `(${waitingCount}) ${title}` : title);

  const act = async (call: StaffHelpCall, action: HelpCallAction) => {
    try {
      feed.applyCall(await actOnHelpCall(call.id, action));
    } catch (error) {
      if (error instanceof NotLoggedInError) {
        onNotLoggedIn();
        return;
      }
      throw error;
    }
    // The card has left the queue: start again from the top of it, not from nowhere.
    if (action === 'done') openHeadingRef.current?.focus();
  };

  const showNewCalls = () => {
    const [first] = alerting;
    setNewCallIds(new Set());
    if (first) document.getElementById(helpCallCardId(first.id))?.focus();
  };

  return (
    <section className="staff-screen help-call-queue" aria-labelledby={`${id}-title`}>
      <div className="queue-toolbar">
        <div className="queue-branch">
          <h1 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
            {feed.branch ? branchName : t('queue.loading')}
          </h1>
          <button
            type="button"
            className="staff-button staff-button-small"
            onClick={onChangeBranch}
          >
            {t('branches.change')}
          </button>
        </div>
        <div className="queue-controls">
          <LiveIndicator connection={feed.connection} />
          <SoundToggle chime={chime} />
        </div>
      </div>
      {feed.problem && (
        <p className="staff-problem" role="alert">
          <ProblemMessage problem={feed.problem} />
        </p>
      )}
      <NewCallBanner calls={alerting} onShow={showNewCalls} />
      {/* Always in the page: screen readers announce what is put into it. */}
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement && <p key={announcement.serial}>{announcement.text}</p>}
      </div>
      <h2 ref={openHeadingRef} tabIndex={-1}>
        {t('queue.open')} <span className="count">{open.length}</span>
      </h2>
      {feed.loaded && open.length === 0 && <p className="queue-empty">{t('queue.empty')}</p>}
      {open.length > 0 && (
        <ol className="call-list">
          {open.map((call) => (
            <li key={call.id}>
              <HelpCallCard
                call={call}
                isNew={newCallIds.has(call.id) && call.status === 'waiting'}
                me={me}
                serverNow={serverNow}
                guideTitleOf={guideTitleOf}
                onAction={act}
              />
            </li>
          ))}
        </ol>
      )}
      {feed.loaded && <HelpCallHistory calls={finished} me={me} />}
    </section>
  );
}
