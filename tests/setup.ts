// A real IndexedDB implementation in Node, so Dexie code runs unchanged in unit tests.
import 'fake-indexeddb/auto';
