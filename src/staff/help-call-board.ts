/**
 * The branch's calls as the staff screen holds them: one entry per call id,
 * so a call shows once however often the server tells of it (a replayed
 * event, the answer to "I'm coming" and its own event all carry the call).
 */
import type { HelpCallStatus, StaffHelpCall } from '../shared/api/help-calls.ts';

export type HelpCallBoard = ReadonlyMap<string, StaffHelpCall>;

export const EMPTY_BOARD: HelpCallBoard = new Map();

/** A call only moves forward: waiting, then acknowledged, then done or cancelled. */
const PROGRESS: Record<HelpCallStatus, number> = {
  waiting: 0,
  acknowledged: 1,
  done: 2,
  cancelled: 2,
};

export function boardOf(calls: readonly StaffHelpCall[]): HelpCallBoard {
  return new Map(calls.map((call) => [call.id, call]));
}

/**
 * The board with the call added or replaced. An older state of a call (an
 * answer that arrives after a newer event) never replaces a newer one.
 */
export function withCall(board: HelpCallBoard, call: StaffHelpCall): HelpCallBoard {
  const known = board.get(call.id);
  if (known && PROGRESS[call.status] < PROGRESS[known.status]) return board;
  return new Map(board).set(call.id, call);
}

export const isOpenCall = (call: StaffHelpCall) =>
  call.status === 'waiting' || call.status === 'acknowledged';

const time = (iso: string | null) => (iso ? Date.parse(iso) : 0);

/** Calls someone still has to go to: the longest waiting first. */
export function openCalls(board: HelpCallBoard): StaffHelpCall[] {
  return [...board.values()]
    .filter(isOpenCall)
    .sort((a, b) => time(a.waitingSince) - time(b.waitingSince));
}

export const finishedAt = (call: StaffHelpCall) => call.doneAt ?? call.cancelledAt;

/** Today's finished and cancelled calls: the one that ended last first. */
export function finishedCalls(board: HelpCallBoard): StaffHelpCall[] {
  return [...board.values()]
    .filter((call) => !isOpenCall(call))
    .sort((a, b) => time(finishedAt(b) ?? b.receivedAt) - time(finishedAt(a) ?? a.receivedAt));
}
