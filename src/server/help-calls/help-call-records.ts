/** Reading help calls and their events from the database, in the shared contract's shape. */
import type {
  HelpCall,
  HelpCallEventType,
  HelpNeed,
  StaffHelpCall,
} from '../../shared/api/help-calls.ts';
import type { Database } from '../database/open-database.ts';

interface HelpCallRow extends Omit<StaffHelpCall, 'needs' | 'acknowledgedBy'> {
  needs: string;
  acknowledgedById: number | null;
  acknowledgedByEmail: string | null;
  requestHash: string;
}

const CALL_COLUMNS = `
  c.id, c.device_id AS deviceId, c.device_name AS deviceName, c.branch_id AS branchId,
  c.location, c.guide_id AS guideId, c.step_number AS stepNumber, c.language, c.needs,
  c.status, c.pressed_at AS pressedAt, c.received_at AS receivedAt,
  c.waiting_since AS waitingSince, c.acknowledged_at AS acknowledgedAt,
  c.acknowledged_by AS acknowledgedById, u.email AS acknowledgedByEmail,
  c.done_at AS doneAt, c.cancelled_at AS cancelledAt, c.request_hash AS requestHash`;

const FROM_CALLS = 'help_calls c LEFT JOIN users u ON u.id = c.acknowledged_by';

export interface StoredHelpCall {
  call: StaffHelpCall;
  requestHash: string;
}

function fromRow(row: HelpCallRow): StoredHelpCall {
  const { needs, acknowledgedById, acknowledgedByEmail, requestHash, ...rest } = row;
  const acknowledgedBy =
    acknowledgedById === null || acknowledgedByEmail === null
      ? null
      : { id: acknowledgedById, email: acknowledgedByEmail };
  return { call: { ...rest, needs: JSON.parse(needs) as HelpNeed[], acknowledgedBy }, requestHash };
}

/** What the tablet may see: not who of the staff is coming. */
export function forTablet(call: StaffHelpCall): HelpCall {
  const { acknowledgedBy: _staff, ...tabletView } = call;
  return tabletView;
}

export function findHelpCall(db: Database, id: string): StoredHelpCall | undefined {
  const row = db
    .prepare<[string], HelpCallRow>(`SELECT ${CALL_COLUMNS} FROM ${FROM_CALLS} WHERE c.id = ?`)
    .get(id);
  return row && fromRow(row);
}

/** Open calls of any day, and every call received since `since`. Unsorted. */
export function readBranchCalls(db: Database, branchId: number, since: Date): StaffHelpCall[] {
  return db
    .prepare<[number, string], HelpCallRow>(
      `SELECT ${CALL_COLUMNS} FROM ${FROM_CALLS}
        WHERE c.branch_id = ? AND (c.status IN ('waiting', 'acknowledged') OR c.received_at >= ?)`,
    )
    .all(branchId, since.toISOString())
    .map((row) => fromRow(row).call);
}

/** The newest event id of the branch; 0 before its first event. */
export function latestEventId(db: Database, branchId: number): number {
  const row = db
    .prepare<[number], { id: number | null }>(
      'SELECT MAX(id) AS id FROM help_call_events WHERE branch_id = ?',
    )
    .get(branchId);
  return row?.id ?? 0;
}

export interface StoredHelpCallEvent {
  id: number;
  type: HelpCallEventType;
  call: StaffHelpCall;
}

/** The branch's events after `afterId`, oldest first, each with its call as it is now. */
export function readEventsAfter(
  db: Database,
  branchId: number,
  afterId: number,
  limit: number,
): StoredHelpCallEvent[] {
  return db
    .prepare<[number, number, number], HelpCallRow & { eventId: number; type: HelpCallEventType }>(
      `SELECT e.id AS eventId, e.type, ${CALL_COLUMNS}
         FROM help_call_events e
         JOIN help_calls c ON c.id = e.call_id
         LEFT JOIN users u ON u.id = c.acknowledged_by
        WHERE e.branch_id = ? AND e.id > ?
        ORDER BY e.id LIMIT ?`,
    )
    .all(branchId, afterId, limit)
    .map(({ eventId, type, ...row }) => ({ id: eventId, type, call: fromRow(row).call }));
}

/** Appends an event; call inside the transaction that changed the call. */
export function recordHelpCallEvent(
  db: Database,
  call: { id: string; branchId: number },
  type: HelpCallEventType,
  now: Date,
): number {
  const { lastInsertRowid } = db
    .prepare(
      'INSERT INTO help_call_events (branch_id, call_id, type, created_at) VALUES (?, ?, ?, ?)',
    )
    .run(call.branchId, call.id, type, now.toISOString());
  return Number(lastInsertRowid);
}
