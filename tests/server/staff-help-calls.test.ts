import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../src/shared/api/contract.ts';
import {
  BranchHelpCalls,
  HelpCall,
  StaffBranchList,
  StaffHelpCall,
} from '../../src/shared/api/help-calls.ts';
import { HelpCallBus } from '../../src/server/help-calls/help-call-bus.ts';
import { receiveHelpCall } from '../../src/server/help-calls/receive-help-call.ts';
import { secretHash } from '../../src/server/secret-tokens.ts';
import { startTestApp, type TestApp } from './helpers.ts';
import {
  addBranch,
  helpCallBody,
  logInStaff,
  pairTablet,
  type LoggedInStaff,
  type PairedTablet,
} from './staff-and-tablets.ts';

const CALL_ID = '9d1c3b7e-2a4f-4c8d-b6e5-1f0a9e8d7c6b';

async function withCall(): Promise<TestApp & { tablet: PairedTablet }> {
  const test = await startTestApp();
  const tablet = await pairTablet(test.app, test.db);
  const response = await test.app.inject({
    method: 'PUT',
    url: `/api/help-calls/${CALL_ID}`,
    headers: tablet.headers,
    payload: helpCallBody(),
  });
  expect(response.statusCode).toBe(201);
  return { ...test, tablet };
}

function act(test: TestApp, staff: LoggedInStaff, action: 'acknowledge' | 'done', id = CALL_ID) {
  return test.app.inject({
    method: 'POST',
    url: `/api/help-calls/${id}/${action}`,
    headers: staff.headers,
  });
}

describe('acknowledging and finishing a help call', () => {
  it('goes waiting -> acknowledged (recording who) -> done, with an event for each', async () => {
    const test = await withCall();
    const anna = await logInStaff(test.db);

    const acknowledged = await act(test, anna, 'acknowledge');
    expect(acknowledged.statusCode).toBe(200);
    const call = StaffHelpCall.parse(acknowledged.json());
    expect(call).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: { id: anna.user.id, email: anna.user.email },
    });
    expect(call.acknowledgedAt).not.toBeNull();
    // A double click is no conflict.
    expect((await act(test, anna, 'acknowledge')).statusCode).toBe(200);

    // The tablet learns that someone is coming, but not who.
    const seenByTablet = await test.app.inject({
      url: `/api/help-calls/${CALL_ID}`,
      headers: test.tablet.headers,
    });
    expect(HelpCall.parse(seenByTablet.json()).status).toBe('acknowledged');
    expect(seenByTablet.body).not.toContain(anna.user.email);

    const done = await act(test, anna, 'done');
    expect(done.statusCode).toBe(200);
    expect(StaffHelpCall.parse(done.json()).status).toBe('done');
    const types = test.db.prepare('SELECT type FROM help_call_events ORDER BY id').all();
    expect(types).toEqual([{ type: 'created' }, { type: 'acknowledged' }, { type: 'done' }]);
  });

  it('answers 409 with a sentence to what cannot happen', async () => {
    const test = await withCall();
    const anna = await logInStaff(test.db);
    const bo = await logInStaff(test.db);

    await act(test, anna, 'acknowledge');
    const second = await act(test, bo, 'acknowledge');
    expect(second.statusCode).toBe(409);
    expect(ApiProblem.parse(second.json()).message).toBe(
      `${anna.user.email} is already on the way to this call.`,
    );

    await act(test, anna, 'done');
    const late = await act(test, bo, 'acknowledge');
    expect(late.statusCode).toBe(409);
    expect(ApiProblem.parse(late.json()).message).toBe('This call is already done.');
    // Cancelling a finished call changes nothing, and is no error.
    const cancel = await test.app.inject({
      method: 'POST',
      url: `/api/help-calls/${CALL_ID}/cancel`,
      headers: test.tablet.headers,
    });
    expect(cancel.statusCode).toBe(200);
    expect(HelpCall.parse(cancel.json()).status).toBe('done');
  });

  it('refuses to acknowledge or finish a call the visitor cancelled', async () => {
    const test = await withCall();
    const anna = await logInStaff(test.db);
    await test.app.inject({
      method: 'POST',
      url: `/api/help-calls/${CALL_ID}/cancel`,
      headers: test.tablet.headers,
    });
    for (const action of ['acknowledge', 'done'] as const) {
      const response = await act(test, anna, action);
      expect(response.statusCode, action).toBe(409);
      expect(ApiProblem.parse(response.json()).message).toMatch(/^The visitor cancelled this call/);
    }
  });

  it('answers 404 to an unknown call, 401 without a login, 403 without same-origin proof', async () => {
    const test = await withCall();
    const anna = await logInStaff(test.db);
    const unknown = await act(test, anna, 'done', '9d1c3b7e-2a4f-4c8d-b6e5-000000000000');
    expect(unknown.statusCode).toBe(404);

    const anonymous = await test.app.inject({
      method: 'POST',
      url: `/api/help-calls/${CALL_ID}/acknowledge`,
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(anonymous.statusCode).toBe(401);

    const forged = await test.app.inject({
      method: 'POST',
      url: `/api/help-calls/${CALL_ID}/acknowledge`,
      headers: { cookie: anna.headers.cookie },
    });
    expect(forged.statusCode).toBe(403);
    // A tablet's token is no staff login.
    const tablet = await test.app.inject({
      method: 'POST',
      url: `/api/help-calls/${CALL_ID}/acknowledge`,
      headers: test.tablet.headers,
    });
    expect(tablet.statusCode).toBe(401);
  });
});

describe('staff views of a branch', () => {
  it('lists the branches to choose from', async () => {
    const test = await startTestApp();
    addBranch(test.db, 'Kvarnbyns bibliotek');
    const { headers } = await logInStaff(test.db);
    const response = await test.app.inject({ url: '/api/staff/branches', headers });
    expect(StaffBranchList.parse(response.json()).branches.map((b) => b.name)).toEqual([
      'Kvarnbyns bibliotek',
      'Stadsbiblioteket (demo)',
    ]);
    expect((await test.app.inject({ url: '/api/staff/branches' })).statusCode).toBe(401);
  });

  it("lists today's calls, open ones first, with the branch's last event id", async () => {
    const test = await startTestApp();
    const tablet = await pairTablet(test.app, test.db);
    const other = addBranch(test.db, 'Kvarnbyns bibliotek');
    const elsewhere = await pairTablet(test.app, test.db, { branchId: other });
    const device = { ...tablet.device, tokenHash: secretHash(tablet.deviceToken) };
    const bus = new HelpCallBus();
    const at = (ms: number) => new Date(Date.now() + ms);
    const receive = (id: string, now: Date, target = device) =>
      receiveHelpCall(test.db, bus, {
        id,
        device: target,
        request: helpCallBody({ pressedAt: now.toISOString() }),
        now,
      });
    const twoDaysAgo = at(-48 * 60 * 60_000);
    receive('00000000-0000-4000-8000-00000000000a', twoDaysAgo); // old, still waiting
    receive('00000000-0000-4000-8000-00000000000b', twoDaysAgo); // old and done: not today
    test.db
      .prepare("UPDATE help_calls SET status = 'done' WHERE id = ?")
      .run('00000000-0000-4000-8000-00000000000b');
    receive('00000000-0000-4000-8000-00000000000c', at(-2000)); // finished today
    test.db
      .prepare("UPDATE help_calls SET status = 'cancelled' WHERE id = ?")
      .run('00000000-0000-4000-8000-00000000000c');
    receive('00000000-0000-4000-8000-00000000000d', at(-1000)); // waiting, newest
    receive('00000000-0000-4000-8000-00000000000e', at(0), {
      ...elsewhere.device,
      tokenHash: secretHash(elsewhere.deviceToken),
    });

    const { headers } = await logInStaff(test.db);
    const response = await test.app.inject({ url: '/api/staff/branches/1/calls', headers });
    expect(response.statusCode).toBe(200);
    const listed = BranchHelpCalls.parse(response.json());
    expect(listed.branch).toEqual({ id: 1, name: 'Stadsbiblioteket (demo)' });
    expect(listed.calls.map((call) => call.id.slice(-1))).toEqual(['a', 'd', 'c']);
    // Events 1-4 are branch 1's; event 5 is the other branch's.
    expect(listed.lastEventId).toBe(4);

    const unknown = await test.app.inject({ url: '/api/staff/branches/99/calls', headers });
    expect(unknown.statusCode).toBe(404);
  });
});
