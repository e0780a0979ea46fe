// A real IndexedDB implementation in Node, so Dexie code runs unchanged in unit tests.
import 'fake-indexeddb/auto';

// find* and waitFor give up after 5 s instead of 1 s: a jsdom render of the whole kiosk can take
// over a second on a loaded CI machine. A test still fails when what it waits for never comes.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 5_000 });
