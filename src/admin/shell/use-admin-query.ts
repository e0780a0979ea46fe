import { useCallback, useEffect, useState } from 'react';
import { asApiRequestError, type ApiRequestError } from '../../staff/staff-api.ts';

export interface AdminQuery<T> {
  /** undefined until the first answer. */
  data: T | undefined;
  /** Why the last load failed; cleared by the next answer. */
  problem: ApiRequestError | undefined;
  reload: () => void;
  /** Puts what a write answered into the list, without asking the server again. */
  update: (change: (data: T) => T) => void;
}

/**
 * Loads what a screen shows from the server, once and on `reload`. `load`
 * must be stable (a module function such as fetchUsers). A 401 needs no
 * handling here: admin-api tells the shell, which shows the login.
 */
export function useAdminQuery<T>(load: (signal: AbortSignal) => Promise<T>): AdminQuery<T> {
  const [data, setData] = useState<T>();
  const [problem, setProblem] = useState<ApiRequestError>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal).then(
      (answer) => {
        setData(answer);
        setProblem(undefined);
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setProblem(asApiRequestError(error));
      },
    );
    return () => {
      abort.abort();
    };
  }, [load, attempt]);

  const reload = useCallback(() => {
    setAttempt((count) => count + 1);
  }, []);
  const update = useCallback((change: (data: T) => T) => {
    setData((current) => (current === undefined ? current : change(current)));
  }, []);
  return { data, problem, reload, update };
}
