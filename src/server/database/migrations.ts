/**
 * Every schema migration, in order. Add a new file under migrations/ and
 * append it here; never edit or reorder one that has shipped.
 */
import type { Migration } from './migrate.ts';
import { initial } from './migrations/001-initial.ts';
import { helpCalls } from './migrations/002-help-calls.ts';
import { kioskSetupPin } from './migrations/003-kiosk-setup-pin.ts';
import { guideEditing } from './migrations/004-guide-editing.ts';

export const MIGRATIONS: readonly Migration[] = [initial, helpCalls, kioskSetupPin, guideEditing];
