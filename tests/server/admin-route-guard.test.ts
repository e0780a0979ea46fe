/**
 * Every /api/admin/ route is guarded with the role its contract names. The
 * routes come from Fastify itself (an onRoute hook on the real app), not
 * from a list kept here, so a route added later is checked too, and one
 * the contracts do not know fails this test.
 */
import type { FastifyInstance, FastifyServerOptions, RouteOptions } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import type { StaffRole } from '../../src/shared/api/accounts.ts';
import { ADMINISTRATION_API } from '../../src/shared/api/administration.ts';
import { ApiProblem } from '../../src/shared/api/contract.ts';
import { DEVICES_API } from '../../src/shared/api/devices.ts';
import { GUIDE_EDITING_API } from '../../src/shared/api/guide-editing.ts';
import { GUIDE_PACKS_API } from '../../src/shared/api/guide-packs.ts';
import { SESSION_COOKIE } from '../../src/server/accounts/session-cookie.ts';
import type { Database } from '../../src/server/database/open-database.ts';
import { CROSS_SITE_REFUSED } from '../../src/server/http/cross-site-protection.ts';
import { startTestApp } from './helpers.ts';
import { SAME_ORIGIN, logInStaff, pairTablet } from './staff-and-tablets.ts';

/** Every route the app registers, as Fastify announces it. */
const registered = vi.hoisted(() => [] as { method: string; url: string }[]);

vi.mock('fastify', async (importOriginal) => {
  const real = await importOriginal<{
    default: (options?: FastifyServerOptions) => FastifyInstance;
  }>();
  const withRouteLog = (options?: FastifyServerOptions) => {
    const app = real.default(options);
    app.addHook('onRoute', (route: RouteOptions) => {
      for (const method of [route.method].flat()) registered.push({ method, url: route.url });
    });
    return app;
  };
  return { ...real, default: withRouteLog };
});

const ADMIN_PREFIX = '/api/admin/';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Endpoint {
  method: string;
  path: string;
}

const keyOf = ({ method, path }: Endpoint) => `${method} ${path}`;

/** The lowest role each admin route admits, from the contracts. */
function contractRoles(): Map<string, StaffRole> {
  const roles = new Map<string, StaffRole>();
  const editorApis: Record<string, Endpoint>[] = [GUIDE_EDITING_API, GUIDE_PACKS_API];
  for (const endpoint of editorApis.flatMap((api) => Object.values(api))) {
    roles.set(keyOf(endpoint), 'editor');
  }
  const adminApis: Record<string, Endpoint>[] = [ADMINISTRATION_API, DEVICES_API];
  for (const endpoint of adminApis.flatMap((api) => Object.values(api))) {
    if (!endpoint.path.startsWith(ADMIN_PREFIX)) continue;
    // Editors read the settings: the review age flags their guides.
    roles.set(keyOf(endpoint), endpoint === ADMINISTRATION_API.settings ? 'editor' : 'admin');
  }
  return roles;
}

const GUIDE_ID = 'test-open-bankid';

/** A plausible address for a route: ids that exist in the test database. */
function urlOf(path: string): string {
  return path.replace(/:(\w+)/g, (_match, name: string) => {
    if (name === 'id' && path.startsWith('/api/admin/guides/')) return GUIDE_ID;
    if (name === 'language') return 'en';
    return '1';
  });
}

/** Bodies that would change something, so "refused" is seen to mean "nothing changed". */
const CHANGES: Record<string, Record<string, unknown>> = {
  'POST /api/admin/users': {
    email: 'intruder@example.com',
    role: 'admin',
    password: 'a long enough password',
  },
  'PATCH /api/admin/users/:id': { role: 'admin' },
  'POST /api/admin/users/:id/password': { password: 'a long enough password' },
  'POST /api/admin/branches': {
    name: 'Fake branch',
    infoDesk: 'Nowhere',
    transportApp: 'None',
    fallbackLanguage: 'sv',
  },
  'PATCH /api/admin/branches/:id': { name: 'Renamed' },
  'PUT /api/admin/branches/:id/setup-pin': { pin: '0000' },
  'PUT /api/admin/settings': { reviewAfterDays: 1 },
  'POST /api/admin/devices': { name: 'Rogue tablet', branchId: 1 },
  'PATCH /api/admin/devices/:id': { name: 'Renamed' },
};

/** Everything in the database, to show a refused request changed nothing. */
function databaseContents(db: Database): string {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )
    .all();
  return JSON.stringify(
    tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
  );
}

async function startAppWithRoutes() {
  registered.length = 0;
  const test = await startTestApp();
  const adminRoutes = registered
    .filter((route) => route.url.startsWith(ADMIN_PREFIX) && route.method !== 'HEAD')
    .map((route) => ({ method: route.method, path: route.url }));
  return { test, adminRoutes };
}

describe('the /api/admin/ route guard', () => {
  it('admits each admin route only to its role, and refuses cross-site changes', async () => {
    const { test, adminRoutes } = await startAppWithRoutes();
    const roles = contractRoles();
    // The collection works: a route that has long existed is in it.
    expect(adminRoutes).toContainEqual({ method: 'GET', path: DEVICES_API.list.path });

    const unlisted = adminRoutes.map(keyOf).filter((key) => !roles.has(key));
    expect(unlisted, 'Routes no contract names: add them to the contract').toEqual([]);

    await pairTablet(test.app, test.db);
    const staff = await logInStaff(test.db, 'staff');
    const editor = await logInStaff(test.db, 'editor');
    const admin = await logInStaff(test.db, 'admin');
    const visitors = { anonymous: SAME_ORIGIN, staff: staff.headers, editor: editor.headers };
    const before = databaseContents(test.db);
    const problems: string[] = [];

    for (const route of adminRoutes) {
      const key = keyOf(route);
      const minRole = roles.get(key);
      const refusals: [keyof typeof visitors, number][] = [
        ['anonymous', 401],
        ['staff', 403],
        ...(minRole === 'admin' ? [['editor', 403] as [keyof typeof visitors, number]] : []),
      ];
      for (const [who, expected] of refusals) {
        const response = await test.app.inject({
          method: route.method as 'GET',
          url: urlOf(route.path),
          headers: visitors[who],
          ...(CHANGES[key] ? { payload: CHANGES[key] } : {}),
        });
        if (response.statusCode !== expected) {
          problems.push(`${key} as ${who}: ${response.statusCode}, expected ${expected}`);
        }
      }

      if (STATE_CHANGING.has(route.method)) {
        const crossSite = await test.app.inject({
          method: route.method as 'POST',
          url: urlOf(route.path),
          headers: { cookie: `${SESSION_COOKIE}=${admin.token}`, origin: 'https://evil.example' },
          ...(CHANGES[key] ? { payload: CHANGES[key] } : {}),
        });
        const refused =
          crossSite.statusCode === 403 &&
          ApiProblem.parse(crossSite.json()).message === CROSS_SITE_REFUSED;
        if (!refused) problems.push(`${key} cross-site as admin: ${crossSite.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
    expect(databaseContents(test.db), 'A refused request changed the database').toBe(before);

    // And the guard is not stricter than the contract: the lowest role gets past it.
    for (const route of adminRoutes) {
      const key = keyOf(route);
      const who = roles.get(key) === 'editor' ? editor : admin;
      const response = await test.app.inject({
        method: route.method as 'GET',
        url: urlOf(route.path),
        headers: who.headers,
      });
      if (response.statusCode === 401 || response.statusCode === 403) {
        problems.push(`${key} as ${who.user.role}: ${response.statusCode}, expected admittance`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds a server route for every /api/admin/ route in the contracts', async () => {
    const { adminRoutes } = await startAppWithRoutes();
    const served = new Set(adminRoutes.map(keyOf));
    const missing = [...contractRoles().keys()].filter((key) => !served.has(key));
    expect(missing).toEqual([]);
  });
});
