import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../src/shared/api/contract.ts';
import { DeviceProblem } from '../../src/shared/api/devices.ts';
import { HelpCall } from '../../src/shared/api/help-calls.ts';
import { startTestApp, type TestApp } from './helpers.ts';
import { SAME_ORIGIN, helpCallBody, pairTablet, type PairedTablet } from './staff-and-tablets.ts';

const CALL_ID = '0f8e2d6a-5c1b-4e9a-8d7f-3b2a1c0e9f8d';

function sendCall(
  test: TestApp,
  headers: Record<string, string>,
  body: unknown = helpCallBody(),
  id: string = CALL_ID,
) {
  return test.app.inject({
    method: 'PUT',
    url: `/api/help-calls/${id}`,
    headers,
    payload: body as object,
  });
}

const problemOf = (response: { json: () => unknown }) => ApiProblem.parse(response.json());

async function withTablet(
  env?: Record<string, string>,
): Promise<TestApp & { tablet: PairedTablet }> {
  const test = await startTestApp(env ? { env } : {});
  return { ...test, tablet: await pairTablet(test.app, test.db) };
}

describe('PUT /api/help-calls/:id', () => {
  it('stores a new call (201), with where the tablet is taken from its record', async () => {
    const test = await withTablet();
    const pressedAt = new Date(Date.now() - 30_000).toISOString();
    const response = await sendCall(test, test.tablet.headers, helpCallBody({ pressedAt }));
    expect(response.statusCode).toBe(201);
    const call = HelpCall.parse(response.json());
    expect(call).toMatchObject({
      id: CALL_ID,
      deviceId: test.tablet.device.id,
      deviceName: 'Entrance tablet',
      branchId: 1,
      location: '2nd floor, by the printers',
      guideId: 'test-open-bankid',
      stepNumber: 2,
      language: 'ar',
      needs: ['speaks-my-language'],
      status: 'waiting',
      pressedAt,
      waitingSince: pressedAt,
      acknowledgedAt: null,
    });
    expect(response.json()).not.toHaveProperty('acknowledgedBy');
    const events = test.db.prepare('SELECT call_id, type, branch_id FROM help_call_events').all();
    expect(events).toEqual([{ call_id: CALL_ID, type: 'created', branch_id: 1 }]);
  });

  it('answers the same call again with 200 and the call as it is now, storing nothing new', async () => {
    const test = await withTablet();
    const body = helpCallBody({ needs: ['trouble-seeing', 'speaks-my-language'] });
    const first = await sendCall(test, test.tablet.headers, body);
    // Same call, written differently: other key order, other time zone, needs reordered.
    const again = await sendCall(test, test.tablet.headers, {
      pressedAt: body.pressedAt.replace('Z', '+00:00'),
      needs: ['speaks-my-language', 'trouble-seeing'],
      language: body.language,
      stepNumber: body.stepNumber,
      guideId: body.guideId,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(test.db.prepare('SELECT COUNT(*) AS n FROM help_call_events').get()).toEqual({ n: 1 });

    test.db
      .prepare("UPDATE help_calls SET status = 'done', done_at = ?")
      .run(new Date().toISOString());
    const later = await sendCall(test, test.tablet.headers, body);
    expect(later.statusCode).toBe(200);
    expect(HelpCall.parse(later.json()).status).toBe('done');
  });

  it('answers 422 to a different call under a used id, from this tablet or another', async () => {
    const test = await withTablet();
    await sendCall(test, test.tablet.headers);
    const changed = await sendCall(test, test.tablet.headers, helpCallBody({ stepNumber: 3 }));
    expect(changed.statusCode).toBe(422);
    expect(problemOf(changed).message).toMatch(
      /^A different help call was already sent with this id/,
    );

    const other = await pairTablet(test.app, test.db, { name: 'Second tablet' });
    const stolen = await sendCall(test, other.headers);
    expect(stolen.statusCode).toBe(422);
    expect(problemOf(stolen).message).toMatch(
      /^Another tablet already sent a help call with this id/,
    );
  });

  it.each<[string, unknown]>([
    ['an unknown field (free text must never get in)', { ...helpCallBody(), note: 'I am Ali' }],
    ['a need twice', helpCallBody({ needs: ['trouble-hearing', 'trouble-hearing'] })],
    ['an unknown need', { ...helpCallBody(), needs: ['a-wheelchair'] }],
    ['step 0', helpCallBody({ stepNumber: 0 })],
    ['an unknown language', { ...helpCallBody(), language: 'xx' }],
    ['a guide id that is no slug', { ...helpCallBody(), guideId: 'Not A Slug' }],
    ['a time that is no time', { ...helpCallBody(), pressedAt: 'yesterday' }],
    ['a date that does not exist', { ...helpCallBody(), pressedAt: '2025-02-30T10:00:00Z' }],
    ['a missing field', { language: 'sv', needs: [], pressedAt: new Date().toISOString() }],
  ])('answers 400 to %s', async (_case, body) => {
    const test = await withTablet();
    const response = await sendCall(test, test.tablet.headers, body);
    expect(response.statusCode).toBe(400);
    expect(problemOf(response).message).toMatch(/^Bad help call\. /);
    expect(test.db.prepare('SELECT COUNT(*) AS n FROM help_calls').get()).toEqual({ n: 0 });
  });

  it('answers 400 to an id that is no UUID, and to a missing id', async () => {
    const test = await withTablet();
    const bad = await sendCall(test, test.tablet.headers, helpCallBody(), 'call-1');
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).message).toMatch(/UUID/);
    for (const url of ['/api/help-calls', '/api/help-calls/']) {
      const missing = await test.app.inject({
        method: 'PUT',
        url,
        headers: test.tablet.headers,
        payload: helpCallBody(),
      });
      expect(missing.statusCode, url).toBe(400);
      expect(problemOf(missing).message).toBe('A help call needs its id (a UUID) in the URL.');
    }
  });

  it('measures the wait from the press, unless the tablet clock is implausible', async () => {
    const test = await withTablet();
    const cases: [string, number, boolean][] = [
      ['3a1f0c1e-0000-4000-8000-000000000001', -60 * 60_000, true], // an hour in the outbox
      ['3a1f0c1e-0000-4000-8000-000000000002', 60_000, true], // clock a minute fast
      ['3a1f0c1e-0000-4000-8000-000000000003', 5 * 60_000, false], // five minutes in the future
      ['3a1f0c1e-0000-4000-8000-000000000004', -25 * 60 * 60_000, false], // over a day old
    ];
    for (const [id, offset, trusted] of cases) {
      const pressedAt = new Date(Date.now() + offset).toISOString();
      const call = HelpCall.parse(
        (await sendCall(test, test.tablet.headers, helpCallBody({ pressedAt }), id)).json(),
      );
      expect(call.pressedAt).toBe(pressedAt);
      expect(call.waitingSince, id).toBe(trusted ? pressedAt : call.receivedAt);
    }
  });

  it('answers 401 without a token, and 401 with code device-revoked after revocation', async () => {
    const test = await withTablet();
    // The kiosk page lost its token: the browser still proves the request is same-origin.
    const none = await sendCall(test, SAME_ORIGIN);
    expect(none.statusCode).toBe(401);
    expect(DeviceProblem.parse(none.json()).code).toBe('device-not-paired');

    test.db.prepare('UPDATE kiosk_devices SET revoked_at = ?').run(new Date().toISOString());
    const revoked = await sendCall(test, test.tablet.headers);
    expect(revoked.statusCode).toBe(401);
    expect(DeviceProblem.parse(revoked.json())).toMatchObject({ code: 'device-revoked' });
    expect(test.db.prepare('SELECT COUNT(*) AS n FROM help_calls').get()).toEqual({ n: 0 });
  });

  it('limits each tablet to HELP_CALL_RATE_LIMIT_PER_MINUTE calls, with Retry-After', async () => {
    const test = await withTablet({ HELP_CALL_RATE_LIMIT_PER_MINUTE: '3' });
    const ids = [1, 2, 3, 4].map((n) => `7c9e6679-7425-40de-944b-e07fc1f9000${n}`);
    const answers = [];
    for (const id of ids)
      answers.push(await sendCall(test, test.tablet.headers, helpCallBody(), id));
    expect(answers.map((response) => response.statusCode)).toEqual([201, 201, 201, 429]);
    const blocked = answers[3];
    expect(Number(blocked?.headers['retry-after'])).toBeGreaterThan(0);
    expect(problemOf({ json: () => blocked?.json() }).message).toMatch(
      /^The tablet "Entrance tablet" sent more than 3 help calls in a minute.*check the tablet/,
    );
    // The limit is per tablet: another one is not held back.
    const other = await pairTablet(test.app, test.db, { name: 'Second tablet' });
    expect((await sendCall(test, other.headers, helpCallBody(), ids[3])).statusCode).toBe(201);
  });
});

describe('GET /api/help-calls/:id and cancelling', () => {
  it("shows a tablet its own call and cancels it; another tablet's call is a 404", async () => {
    const test = await withTablet();
    await sendCall(test, test.tablet.headers);
    const read = await test.app.inject({
      url: `/api/help-calls/${CALL_ID}`,
      headers: test.tablet.headers,
    });
    expect(read.statusCode).toBe(200);
    expect(HelpCall.parse(read.json()).status).toBe('waiting');

    const other = await pairTablet(test.app, test.db, { name: 'Second tablet' });
    const foreign = await test.app.inject({
      url: `/api/help-calls/${CALL_ID}`,
      headers: other.headers,
    });
    expect(foreign.statusCode).toBe(404);
    const foreignCancel = await test.app.inject({
      method: 'POST',
      url: `/api/help-calls/${CALL_ID}/cancel`,
      headers: other.headers,
    });
    expect(foreignCancel.statusCode).toBe(404);

    const cancel = () =>
      test.app.inject({
        method: 'POST',
        url: `/api/help-calls/${CALL_ID}/cancel`,
        headers: test.tablet.headers,
      });
    const cancelled = await cancel();
    expect(cancelled.statusCode).toBe(200);
    expect(HelpCall.parse(cancelled.json())).toMatchObject({ status: 'cancelled' });
    expect(HelpCall.parse(cancelled.json()).cancelledAt).not.toBeNull();
    expect((await cancel()).statusCode).toBe(200);
    const types = test.db.prepare('SELECT type FROM help_call_events ORDER BY id').all();
    expect(types).toEqual([{ type: 'created' }, { type: 'cancelled' }]);
  });
});
