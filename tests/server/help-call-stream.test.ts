import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../src/shared/api/contract.ts';
import {
  HELP_CALL_HEARTBEAT_EVENT,
  HelpCallEvent,
  HelpCallResync,
} from '../../src/shared/api/help-calls.ts';
import { HelpCallBus } from '../../src/server/help-calls/help-call-bus.ts';
import { MAX_REPLAY } from '../../src/server/help-calls/help-call-stream.ts';
import { startTestApp, type TestApp, type TestAppOptions } from './helpers.ts';
import { openEventStream, type StreamMessage } from './event-stream-reader.ts';
import {
  addBranch,
  helpCallBody,
  logInStaff,
  pairTablet,
  type LoggedInStaff,
  type PairedTablet,
} from './staff-and-tablets.ts';

interface LiveServer extends TestApp {
  url: string;
  staff: LoggedInStaff;
  tablet: PairedTablet;
  bus: HelpCallBus;
}

/** A real server on a loopback port: streaming is tested over real sockets. */
async function startLiveServer(options: TestAppOptions = {}): Promise<LiveServer> {
  const bus = new HelpCallBus();
  const test = await startTestApp({ helpCallBus: bus, ...options });
  const url = await test.app.listen({ host: '127.0.0.1', port: 0 });
  const staff = await logInStaff(test.db);
  const tablet = await pairTablet(test.app, test.db);
  return { ...test, url, staff, tablet, bus };
}

let calls = 0;
/** Sends a new help call from the tablet, over HTTP; returns its id. */
async function sendCall(server: LiveServer, tablet: PairedTablet = server.tablet) {
  calls += 1;
  const id = `6f1d3c2b-0000-4000-8000-${String(calls).padStart(12, '0')}`;
  const response = await fetch(`${server.url}/api/help-calls/${id}`, {
    method: 'PUT',
    headers: { ...tablet.headers, 'content-type': 'application/json' },
    body: JSON.stringify(helpCallBody()),
  });
  expect(response.status).toBe(201);
  return id;
}

async function acknowledge(server: LiveServer, id: string) {
  const response = await fetch(`${server.url}/api/help-calls/${id}/acknowledge`, {
    method: 'POST',
    headers: server.staff.headers,
  });
  expect(response.status).toBe(200);
}

function stream(server: LiveServer, query = '', headers: Record<string, string> = {}) {
  return openEventStream(`${server.url}/api/staff/branches/1/events${query}`, {
    cookie: server.staff.headers.cookie,
    ...headers,
  });
}

function parsed(message: StreamMessage) {
  expect(message.event).toBe('help-call');
  return { id: Number(message.id), ...HelpCallEvent.parse(JSON.parse(message.data ?? '')) };
}

describe('GET /api/staff/branches/:branchId/events', () => {
  it('replays exactly the events after Last-Event-ID, in order, then live ones; a reconnect repeats none', async () => {
    const server = await startLiveServer();
    const first = await sendCall(server); // event 1
    const second = await sendCall(server); // event 2
    await acknowledge(server, first); // event 3
    await sendCall(server); // event 4

    const events = await stream(server, '', { 'last-event-id': '2' });
    expect(events.response.status).toBe(200);
    expect(events.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(events.response.headers.get('cache-control')).toBe('no-cache');
    expect(events.response.headers.get('x-accel-buffering')).toBe('no');
    expect(events.response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await events.next()).retry).toBe('2000');

    const replayed = [parsed(await events.nextEvent()), parsed(await events.nextEvent())];
    expect(replayed.map((event) => [event.id, event.type])).toEqual([
      [3, 'acknowledged'],
      [4, 'created'],
    ]);
    expect(replayed[0]?.call).toMatchObject({ id: first, status: 'acknowledged' });
    expect(replayed[0]?.call.acknowledgedBy?.email).toBe(server.staff.user.email);

    await acknowledge(server, second); // event 5, live
    const live = parsed(await events.nextEvent());
    expect([live.id, live.type, live.call.id]).toEqual([5, 'acknowledged', second]);
    events.close();

    // EventSource reconnects with the last id it saw: nothing again, then what is new.
    const again = await stream(server, '', { 'last-event-id': '5' });
    await again.next(); // retry
    await sendCall(server); // event 6
    expect(parsed(await again.nextEvent()).id).toBe(6);
    again.close();
  });

  it('starts from ?after= on a first connect, and from now without it', async () => {
    const server = await startLiveServer();
    await sendCall(server);
    await sendCall(server);

    const fromOne = await stream(server, '?after=1');
    const replayed = parsed(await fromOne.nextEvent());
    expect(replayed.id).toBe(2);
    // An event the stream already sent, arriving again from the bus, is skipped.
    server.bus.publish(2, 'created', replayed.call);
    await sendCall(server);
    expect(parsed(await fromOne.nextEvent()).id).toBe(3);
    fromOne.close();

    const fromNow = await stream(server);
    expect((await fromNow.next()).retry).toBe('2000');
    await sendCall(server);
    expect(parsed(await fromNow.nextEvent()).id).toBe(4);
    fromNow.close();
  });

  it("sends only the branch's own events, serialized once for all listeners", async () => {
    const server = await startLiveServer();
    const otherBranch = addBranch(server.db, 'Kvarnbyns bibliotek');
    const elsewhere = await pairTablet(server.app, server.db, { branchId: otherBranch });
    const [a, b] = [await stream(server), await stream(server)];
    await sendCall(server, elsewhere); // event 1, other branch
    const id = await sendCall(server); // event 2
    for (const reader of [a, b]) {
      const event = parsed(await reader.nextEvent());
      expect([event.id, event.call.id]).toEqual([2, id]);
      reader.close();
    }
  });

  it('sends a heartbeat event the page can see while nothing happens, keeping Last-Event-ID', async () => {
    const server = await startLiveServer({ config: { eventStreamHeartbeatMs: 50 } });
    const events = await stream(server);
    await events.next(); // retry
    // Named, so EventSource reports it; no id, so a reconnect still resumes from the last call event.
    expect(await events.next(1000)).toEqual({
      event: HELP_CALL_HEARTBEAT_EVENT,
      data: '{}',
      comments: [],
    });
    expect(await events.next(1000)).toEqual({
      event: HELP_CALL_HEARTBEAT_EVENT,
      data: '{}',
      comments: [],
    });
    events.close();
  });

  it('stops listening when the client goes, and ends when the session does', async () => {
    const server = await startLiveServer({ config: { eventStreamHeartbeatMs: 50 } });
    const events = await stream(server);
    await events.next();
    expect(server.bus.listenerCount(1)).toBe(1);
    events.close();
    await expect.poll(() => server.bus.listenerCount(1)).toBe(0);

    const kept = await stream(server);
    await kept.next();
    const logout = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: server.staff.headers,
    });
    expect(logout.status).toBe(204);
    expect(await kept.ends()).toBe(true);
    expect(server.bus.listenerCount(1)).toBe(0);
  });

  it('lets the server close while streams are open', async () => {
    const server = await startLiveServer();
    const events = await stream(server);
    await events.next();
    await server.app.close();
    expect(await events.ends()).toBe(true);
  });

  it(`tells the client to reload instead of replaying more than ${MAX_REPLAY} events`, async () => {
    const server = await startLiveServer();
    const id = await sendCall(server); // event 1
    const insert = server.db.prepare(
      "INSERT INTO help_call_events (branch_id, call_id, type, created_at) VALUES (1, ?, 'created', ?)",
    );
    server.db.transaction(() => {
      for (let n = 0; n < MAX_REPLAY; n += 1) insert.run(id, new Date().toISOString());
    })();
    const events = await stream(server, '?after=0');
    const resync = await events.nextEvent();
    expect(resync.event).toBe('resync');
    expect(resync.id).toBe(String(MAX_REPLAY + 1));
    expect(HelpCallResync.parse(JSON.parse(resync.data ?? ''))).toEqual({
      lastEventId: MAX_REPLAY + 1,
    });
    events.close();
  });

  it('answers 401 without a login, 404 for an unknown branch, 400 for a bad Last-Event-ID', async () => {
    const server = await startLiveServer();
    const anonymous = await fetch(`${server.url}/api/staff/branches/1/events`);
    expect(anonymous.status).toBe(401);
    expect(ApiProblem.parse(await anonymous.json()).message).toMatch(/Log in again/);

    const headers = { cookie: server.staff.headers.cookie };
    const unknown = await fetch(`${server.url}/api/staff/branches/9/events`, { headers });
    expect(unknown.status).toBe(404);
    const bad = await fetch(`${server.url}/api/staff/branches/1/events`, {
      headers: { ...headers, 'last-event-id': 'abc' },
    });
    expect(bad.status).toBe(400);
    expect(ApiProblem.parse(await bad.json()).message).toMatch(/^Bad Last-Event-ID header/);
  });
});
