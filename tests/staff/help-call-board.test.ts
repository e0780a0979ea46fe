import { describe, expect, it } from 'vitest';
import {
  boardOf,
  EMPTY_BOARD,
  finishedCalls,
  openCalls,
  withCall,
} from '../../src/staff/help-call-board.ts';
import { staffCall } from './staff-fakes.ts';

describe('the help call board', () => {
  it('holds each call once, with its newest state', () => {
    const waiting = staffCall();
    const acknowledged = { ...waiting, status: 'acknowledged' as const };
    const board = withCall(withCall(boardOf([waiting]), waiting), acknowledged);
    expect([...board.values()]).toEqual([acknowledged]);
  });

  it('never takes a call back to an earlier state (a late answer after a newer event)', () => {
    const waiting = staffCall();
    const done = { ...waiting, status: 'done' as const, doneAt: new Date().toISOString() };
    const acknowledged = { ...waiting, status: 'acknowledged' as const };
    const board = withCall(withCall(EMPTY_BOARD, done), acknowledged);
    expect(board.get(waiting.id)?.status).toBe('done');
  });

  it('lists open calls longest waiting first, and finished ones last ended first', () => {
    const now = Date.now();
    const newest = staffCall({ minutesAgo: 1, serverNow: now });
    const oldest = staffCall({ minutesAgo: 9, serverNow: now, status: 'acknowledged' });
    const endedEarly = staffCall({
      minutesAgo: 30,
      serverNow: now,
      status: 'done',
      doneAt: new Date(now - 20 * 60_000).toISOString(),
    });
    const endedLate = staffCall({
      minutesAgo: 40,
      serverNow: now,
      status: 'cancelled',
      cancelledAt: new Date(now - 5 * 60_000).toISOString(),
    });
    const board = boardOf([newest, endedEarly, oldest, endedLate]);
    expect(openCalls(board)).toEqual([oldest, newest]);
    expect(finishedCalls(board)).toEqual([endedLate, endedEarly]);
  });
});
