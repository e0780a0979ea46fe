import { liveQuery } from 'dexie';
import { type DependencyList, startTransition, useEffect, useState } from 'react';

type Answer<T> = { deps: DependencyList; value: T } | { deps: DependencyList; error: unknown };

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
  useEffect(() => {
    const show = (next: Answer<T>) => {
      startTransition(() => {
        setAnswer(next);
      });
    };
    const subscription = liveQuery(querier).subscribe({
      next: (value) => {
        show({ deps, value });
      },
      error: (error: unknown) => {
        show({ deps, error });
      },
    });
    return () => {
      subscription.unsubscribe();
    };
    // The caller's deps say when the query changes, as with useEffect's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  if (!answer || !sameDeps(answer.deps, deps)) return undefined;
  if ('error' in answer) throw answer.error;
  return answer.value;
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((dep, index) => Object.is(dep, b[index]));
}

type Latest<T> = { value: T } | { error: unknown };

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
  let subscription: { unsubscribe: () => void } | undefined;
  const listeners = new Set<(next: Latest<T>) => void>();

  const publish = (next: Latest<T>) => {
    latest = next;
    for (const listener of listeners) listener(next);
  };
  const join = (listener: (next: Latest<T>) => void) => {
    listeners.add(listener);
    subscription ??= liveQuery(querier).subscribe({
      next: (value) => {
        publish({ value });
      },
      error: (error: unknown) => {
        publish({ error });
      },
    });
    // An answer that came between this component's render and now.
    if (latest) listener(latest);
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0) return;
      subscription?.unsubscribe();
      subscription = undefined;
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
    if (!answer) return undefined;
    if ('error' in answer) throw answer.error;
    return answer.value;
  };
}
