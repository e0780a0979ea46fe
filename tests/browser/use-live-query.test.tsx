// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import Dexie, { type EntityTable } from 'dexie';
import { Component, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveQuery } from '../../src/browser/local-db/use-live-query.ts';

interface Note {
  id: string;
  words: string;
}

class NotesDb extends Dexie {
  notes!: EntityTable<Note, 'id'>;
  constructor() {
    super(`live-query-test-${Math.random()}`);
    this.version(1).stores({ notes: 'id' });
  }
}

let db: NotesDb;
beforeEach(async () => {
  db = new NotesDb();
  await db.notes.bulkPut([
    { id: 'a', words: 'first' },
    { id: 'b', words: 'second' },
  ]);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

/** Shows the note's words, "…" while the answer for this id has not come. */
function Note({ id, seen }: { id: string; seen: (string | undefined)[] }) {
  const note = useLiveQuery(() => db.notes.get(id), [id]);
  seen.push(note?.words);
  return <p>{note ? note.words : '…'}</p>;
}

class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p role="alert">{this.state.error.message}</p> : this.props.children;
  }
}

describe('useLiveQuery', () => {
  it('answers, follows changes, and never shows an answer meant for other deps', async () => {
    const seen: (string | undefined)[] = [];
    const { rerender } = render(<Note id="a" seen={seen} />);
    expect(screen.getByText('…')).toBeTruthy();
    await screen.findByText('first');

    await act(() => db.notes.update('a', { words: 'changed' }));
    await screen.findByText('changed');

    seen.length = 0;
    rerender(<Note id="b" seen={seen} />);
    await screen.findByText('second');
    // Until the answer for "b" comes: no answer yet, never the words of "a".
    expect(seen[0]).toBeUndefined();
    expect(seen).not.toContain('changed');
  });

  it('throws a failed query to the error boundary', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the error too
    const failing = () => Promise.reject(new Error('The database is gone.'));
    function Broken() {
      useLiveQuery(failing, []);
      return <p>fine</p>;
    }
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toBe('The database is gone.');
    });
  });
});
