// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import Dexie, { type EntityTable } from 'dexie';
import { Component, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sharedLiveQuery, useLiveQuery } from '../../src/browser/local-db/use-live-query.ts';

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

/** Renders a component whose query fails, and waits for the boundary to show its message. */
async function expectBoundaryToShow(Broken: () => ReactNode, message: string) {
  vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the error too
  render(
    <ErrorBoundary>
      <Broken />
    </ErrorBoundary>,
  );
  await waitFor(() => {
    expect(screen.getByRole('alert').textContent).toBe(message);
  });
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
    const failing = () => Promise.reject(new Error('The database is gone.'));
    function Broken() {
      useLiveQuery(failing, []);
      return <p>fine</p>;
    }
    await expectBoundaryToShow(Broken, 'The database is gone.');
  });
});

describe('sharedLiveQuery', () => {
  /** A shared question, and how often it was read from the database. */
  function sharedNoteA() {
    const reads = { count: 0 };
    const useNoteA = sharedLiveQuery(() => {
      reads.count += 1;
      return db.notes.get('a');
    });
    function NoteA({ label, seen = [] }: { label: string; seen?: (string | undefined)[] }) {
      const note = useNoteA();
      seen.push(note?.words);
      return <p>{`${label}: ${note ? note.words : '…'}`}</p>;
    }
    return { reads, NoteA };
  }

  it('reads once per change however many components ask, and all follow the change', async () => {
    const { reads, NoteA } = sharedNoteA();
    render(
      <>
        <NoteA label="header" />
        <NoteA label="screen" />
        <NoteA label="panel" />
      </>,
    );
    await screen.findByText('header: first');
    expect(screen.getByText('panel: first')).toBeTruthy();
    expect(reads.count).toBe(1);

    await act(() => db.notes.update('a', { words: 'changed' }));
    await screen.findByText('screen: changed');
    expect(screen.getByText('header: changed')).toBeTruthy();
    expect(reads.count).toBe(2);
  });

  it('gives a component that comes later the latest answer at once', async () => {
    const { NoteA } = sharedNoteA();
    const { rerender } = render(<NoteA label="first" />);
    await screen.findByText('first: first');
    const seen: (string | undefined)[] = [];
    rerender(
      <>
        <NoteA label="first" />
        <NoteA label="later" seen={seen} />
      </>,
    );
    expect(screen.getByText('later: first')).toBeTruthy();
    expect(seen[0]).toBe('first');
  });

  it('stops reading when the last component goes, and starts afresh with the next', async () => {
    const { reads, NoteA } = sharedNoteA();
    const first = render(<NoteA label="one" />);
    await screen.findByText('one: first');
    first.unmount();

    await db.notes.update('a', { words: 'changed while nobody looked' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads.count).toBe(1);

    const seen: (string | undefined)[] = [];
    render(<NoteA label="two" seen={seen} />);
    // Never the answer from before it stopped: nothing, then the database as it is now.
    expect(seen[0]).toBeUndefined();
    await screen.findByText('two: changed while nobody looked');
  });

  it('throws a failed query to the error boundary', async () => {
    const useBroken = sharedLiveQuery(() => Promise.reject(new Error('The database is gone.')));
    function Broken() {
      useBroken();
      return <p>fine</p>;
    }
    await expectBoundaryToShow(Broken, 'The database is gone.');
  });
});
