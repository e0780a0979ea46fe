import { describe, expect, it } from 'vitest';
import { HelpCallEvent, type StaffHelpCall } from '../../src/shared/api/help-calls.ts';
import { HelpCallBus, type HelpCallFrame } from '../../src/server/help-calls/help-call-bus.ts';

const call = (branchId: number): StaffHelpCall => ({
  id: '1b4e28ba-2fa1-4d3b-8f5a-0c9a5e3f7d21',
  deviceId: 1,
  deviceName: 'Entrance tablet',
  branchId,
  location: 'By the door',
  guideId: null,
  stepNumber: null,
  language: 'sv',
  needs: [],
  status: 'waiting',
  pressedAt: '2025-03-01T09:00:00.000Z',
  receivedAt: '2025-03-01T09:00:01.000Z',
  waitingSince: '2025-03-01T09:00:00.000Z',
  acknowledgedAt: null,
  doneAt: null,
  cancelledAt: null,
  acknowledgedBy: null,
});

describe('HelpCallBus', () => {
  it("gives every listener of the branch the same frame, built once, and nobody else's", () => {
    const bus = new HelpCallBus();
    const heard: HelpCallFrame[] = [];
    const elsewhere: HelpCallFrame[] = [];
    bus.subscribe(1, (frame) => heard.push(frame));
    bus.subscribe(1, (frame) => heard.push(frame));
    bus.subscribe(2, (frame) => elsewhere.push(frame));

    bus.publish(7, 'created', call(1));
    expect(heard).toHaveLength(2);
    expect(heard[0]).toBe(heard[1]);
    expect(elsewhere).toEqual([]);

    const [id, event, data] = (heard[0]?.text ?? '').split('\n');
    expect(heard[0]?.text.endsWith('\n\n')).toBe(true);
    expect([id, event]).toEqual(['id: 7', 'event: help-call']);
    expect(HelpCallEvent.parse(JSON.parse(data?.replace(/^data: /, '') ?? ''))).toEqual({
      type: 'created',
      call: call(1),
    });
  });

  it('unsubscribes cleanly, even twice after someone else subscribed', () => {
    const bus = new HelpCallBus();
    const stop = bus.subscribe(1, () => undefined);
    stop();
    expect(bus.listenerCount(1)).toBe(0);
    const heard: HelpCallFrame[] = [];
    bus.subscribe(1, (frame) => heard.push(frame));
    stop();
    bus.publish(1, 'created', call(1));
    expect(heard).toHaveLength(1);
  });
});
