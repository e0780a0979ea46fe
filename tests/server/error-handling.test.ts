import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../src/shared/api/contract.ts';
import { startTestApp } from './helpers.ts';

describe('error handling', () => {
  it.each([
    ['GET', '/api/no-such-thing'],
    ['DELETE', '/api/content'],
    ['POST', '/api/health'],
  ] as const)('answers %s %s with a JSON 404 problem', async (method, url) => {
    const { app } = await startTestApp();
    const response = await app.inject({ method, url });
    expect(response.statusCode).toBe(404);
    expect(ApiProblem.parse(response.json())).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
    });
  });

  it('answers 500 without internals when something unexpected breaks', async () => {
    const { app } = await startTestApp();
    app.get('/api/test-broken', () => {
      throw new Error('SQLITE_CORRUPT at /var/lib/lotsen/lotsen.sqlite');
    });
    const response = await app.inject('/api/test-broken');
    expect(response.statusCode).toBe(500);
    const problem = ApiProblem.parse(response.json());
    expect(problem.error).toBe('Internal Server Error');
    expect(response.body).not.toMatch(/SQLITE|lotsen\.sqlite|at /);
  });

  it('answers a body that is not JSON with 400, not 500', async () => {
    const { app } = await startTestApp();
    app.post('/api/test-echo', (request) => ({ received: request.body }));
    const response = await app.inject({
      method: 'POST',
      url: '/api/test-echo',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      payload: '{"not": json',
    });
    expect(response.statusCode).toBe(400);
    expect(ApiProblem.parse(response.json()).message).toMatch(/JSON/);
  });
});
