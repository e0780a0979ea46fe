import { liveQuery } from 'dexie';
import { type DependencyList, startTransition, useEffect, useState } from 'react';

type Latest<T> = { value: T } | { error: unknown };
type Answer<T> = Latest<T> & { deps: DependencyList };

/** Dexie's liveQuery, each answer (or failure) handed to `answer`; returns the unsubscribe. */
function subscribe<T>(querier: () => Promise<T> | T, answer: (latest: Latest<T>) => void) {
  const subscription = liveQuery(querier).subscribe({
    next: (value) => {
      answer({ value });
    },
    error: (error: unknown) => {
      answer({ error });
    },
  });
  return () => {
    subscription.unsubscribe();
  };
}

/** What a hook returns for an answer: its value, or its failure thrown to the error boundary. */
function valueOf<T>(answer: Latest<T>): T {
  if ('error' in answer) throw answer.error;
  return answer.value;
}

/**
 * Dexie's live query as a hook, like dexie-react-hooks' useLiveQuery, but each
 * new answer renders as a transition: React renders the screen it changes in
 * short slices, so a content sync landing while a visitor taps never holds
 * their tap up. undefined until the first answer for these `deps` (never an
 * answer for other deps); a failed query throws to the nearest error boundary.
 */
export function useLiveQuery<T>(
  querier: () => Promise<T> | T,
  deps: DependencyList,
): T | undefined {
  const [answer, setAnswer] = useState<Answer<T> | undefined>(undefined);
  useEffect(
    () =>
      subscribe(querier, (latest) => {
        startTransition(() => {
          setAnswer({ ...latest, deps });
        });
      }),
    // The caller's deps say when the query changes, as with useEffect's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    deps,
  );
  if (!answer || !sameDeps(answer.deps, deps)) return undefined;
  return valueOf(answer);
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((dep, index) => Object.is(dep, b[index]));
}

/**
 * A live query every component shares: one Dexie subscription however many
 * screens ask (one read per change in the database, not one per screen),
 * started by the first component to use the hook and stopped when the last
 * one goes. A component that mounts later starts from the latest answer.
 * Answers render as transitions, as with useLiveQuery; a failed query throws
 * to the nearest error boundary.
 */
export function sharedLiveQuery<T>(querier: () => Promise<T> | T): () => T | undefined {
  let latest: Latest<T> | undefined;
  let unsubscribe: (() => void) | undefined;
  const listeners = new Set<(next: Latest<T>) => void>();

  const join = (listener: (next: Latest<T>) => void) => {
    listeners.add(listener);
    unsubscribe ??= subscribe(querier, (next) => {
      latest = next;
      for (const each of listeners) each(next);
    });
    // An answer that came between this component's render and now.
    if (latest) listener(latest);
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0) return;
      unsubscribe?.();
      unsubscribe = undefined;
      latest = undefined;
    };
  };

  return function useSharedLiveQuery(): T | undefined {
    const [answer, setAnswer] = useState(latest);
    useEffect(
      () =>
        join((next) => {
          startTransition(() => {
            setAnswer(next);
          });
        }),
      [],
    );
    return answer && valueOf(answer);
  };
}
