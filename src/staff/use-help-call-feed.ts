/**
 * A branch's help calls, live: the list from the server, then every change
 * from its event stream. The stream starts right after the list
 * (?after=lastEventId), so nothing is missed and nothing counted twice;
 * EventSource resumes by itself with Last-Event-ID after a network blip.
 * When it gives up (an HTTP error such as 401), the server says "resync",
 * or the server's heartbeat stops coming (a connection that died silently,
 * which EventSource does not notice), the list is loaded again and a new
 * stream opened from there.
 *
 * Mount it with key={branchId}: one feed, one branch.
 */
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import {
  branchEventsUrl,
  HELP_CALL_HEARTBEAT_EVENT,
  HELP_CALL_HEARTBEAT_INTERVAL_MS,
  HELP_CALL_RESYNC_EVENT,
  HELP_CALL_STREAM_EVENT,
  HelpCallEvent,
  type StaffBranch,
  type StaffHelpCall,
} from '../shared/api/help-calls.ts';
import { boardOf, EMPTY_BOARD, withCall, type HelpCallBoard } from './help-call-board.ts';
import {
  ApiRequestError,
  asApiRequestError,
  fetchBranchCalls,
  NotLoggedInError,
} from './staff-api.ts';

/** What the screen says about the connection: only "live" while the stream is open. */
export type FeedConnection = 'connecting' | 'live' | 'reconnecting';

/** Waits between attempts when the server cannot be reached; the last one repeats. */
const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000];
/** Silence this long (two heartbeats missed, with slack for a slow network) means the stream is dead. */
const SILENCE_LIMIT_MS = 2.5 * HELP_CALL_HEARTBEAT_INTERVAL_MS;

export interface HelpCallFeed {
  branch: StaffBranch | undefined;
  board: HelpCallBoard;
  /** False until the first list has arrived. */
  loaded: boolean;
  connection: FeedConnection;
  /** Why the last attempt to load the list failed, while it is being retried. */
  problem: ApiRequestError | undefined;
  /** Add this to Date.now() for the server's time. */
  serverClockOffsetMs: number;
  /** Takes a call the server answered with (after "I'm coming" or "Done"). */
  applyCall: (call: StaffHelpCall) => void;
}

export interface HelpCallFeedHandlers {
  /** Calls that started waiting while this screen was watching (not those already there). */
  onNewCalls: (calls: StaffHelpCall[]) => void;
  onNotLoggedIn: () => void;
  /** The branch no longer exists (404). */
  onBranchGone: () => void;
}

export function useHelpCallFeed(branchId: number, handlers: HelpCallFeedHandlers): HelpCallFeed {
  const [board, setBoard] = useState(EMPTY_BOARD);
  // The newest board, for event handlers that must know which calls are already shown.
  const boardRef = useRef(EMPTY_BOARD);
  const [branch, setBranch] = useState<StaffBranch>();
  const [loaded, setLoaded] = useState(false);
  const [connection, setConnection] = useState<FeedConnection>('connecting');
  const [problem, setProblem] = useState<ApiRequestError>();
  const [serverClockOffsetMs, setServerClockOffsetMs] = useState(0);

  const showBoard = useCallback((next: HelpCallBoard) => {
    boardRef.current = next;
    setBoard(next);
  }, []);
  const applyCall = useCallback(
    (call: StaffHelpCall) => {
      showBoard(withCall(boardRef.current, call));
    },
    [showBoard],
  );

  const notifyNewCalls = useEffectEvent((calls: StaffHelpCall[]) => {
    handlers.onNewCalls(calls);
  });
  const notifyNotLoggedIn = useEffectEvent(() => {
    handlers.onNotLoggedIn();
  });
  const notifyBranchGone = useEffectEvent(() => {
    handlers.onBranchGone();
  });

  useEffect(() => {
    const abort = new AbortController();
    let source: EventSource | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let silenceTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let loadedBefore = false;

    const retryLater = () => {
      clearTimeout(retryTimer);
      const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)];
      failures += 1;
      retryTimer = setTimeout(() => void load(), delay);
    };

    const receive = (message: MessageEvent<unknown>) => {
      let event: HelpCallEvent;
      try {
        event = HelpCallEvent.parse(JSON.parse(String(message.data)));
      } catch (error) {
        console.warn('Ignored a help call event the staff screen does not understand.', error);
        return;
      }
      const { type, call } = event;
      if (call.branchId !== branchId) return;
      // The event carries the call as it is now: a replayed "created" of a call that is
      // already done is no news, and one already on the board is not news twice.
      const isNew =
        type === 'created' && call.status === 'waiting' && !boardRef.current.has(call.id);
      showBoard(withCall(boardRef.current, call));
      if (isNew) notifyNewCalls([call]);
    };

    const listen = (after: number) => {
      const events = new EventSource(branchEventsUrl(branchId, after));
      source = events;
      // Any word from the server, heartbeat or event, shows the stream is alive.
      const heardFromServer = () => {
        clearTimeout(silenceTimer);
        silenceTimer = setTimeout(() => {
          if (source !== events) return;
          setConnection('reconnecting');
          void load();
        }, SILENCE_LIMIT_MS);
      };
      heardFromServer();
      events.onopen = () => {
        heardFromServer();
        failures = 0;
        setConnection('live');
      };
      events.onerror = () => {
        if (source !== events) return;
        setConnection('reconnecting');
        // CONNECTING: the browser retries by itself. CLOSED: it gave up; reload to learn why.
        if (events.readyState === EventSource.CLOSED) {
          clearTimeout(silenceTimer);
          source = undefined;
          retryLater();
        }
      };
      events.addEventListener(HELP_CALL_HEARTBEAT_EVENT, heardFromServer);
      events.addEventListener(HELP_CALL_STREAM_EVENT, (message) => {
        heardFromServer();
        receive(message);
      });
      events.addEventListener(HELP_CALL_RESYNC_EVENT, () => {
        setConnection('reconnecting');
        void load();
      });
    };

    async function load() {
      clearTimeout(retryTimer);
      clearTimeout(silenceTimer);
      source?.close();
      source = undefined;
      try {
        const answer = await fetchBranchCalls(branchId, abort.signal);
        if (abort.signal.aborted) return;
        const before = boardRef.current;
        showBoard(boardOf(answer.calls));
        setBranch(answer.branch);
        setServerClockOffsetMs(answer.serverClockOffsetMs);
        setProblem(undefined);
        setLoaded(true);
        if (loadedBefore) {
          // Back after a gap: calls that started waiting meanwhile are news too.
          const appeared = answer.calls.filter(
            (call) => call.status === 'waiting' && !before.has(call.id),
          );
          if (appeared.length > 0) notifyNewCalls(appeared);
        }
        loadedBefore = true;
        listen(answer.lastEventId);
      } catch (error) {
        if (abort.signal.aborted) return;
        if (error instanceof NotLoggedInError) {
          notifyNotLoggedIn();
          return;
        }
        if (error instanceof ApiRequestError && error.status === 404) {
          notifyBranchGone();
          return;
        }
        setProblem(asApiRequestError(error));
        setConnection('reconnecting');
        retryLater();
      }
    }

    void load();
    return () => {
      abort.abort();
      clearTimeout(retryTimer);
      clearTimeout(silenceTimer);
      source?.close();
    };
  }, [branchId, showBoard]);

  return { branch, board, loaded, connection, problem, serverClockOffsetMs, applyCall };
}
