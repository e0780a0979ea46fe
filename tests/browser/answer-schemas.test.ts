import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkContentRelease,
  checkDeviceProblem,
  checkHelpCall,
  checkPairedKioskDevice,
  checkPairingCode,
  checkPairingResponse,
} from '../../src/browser/server-answers/answer-checks.ts';
import {
  checkJson,
  SUPPORTED_KEYWORDS,
  type JsonSchema,
} from '../../src/browser/server-answers/json-schema-check.ts';
import { ContentRelease } from '../../src/shared/api/contract.ts';
import {
  DeviceProblem,
  PairedKioskDevice,
  PairingCode,
  PairingResponse,
} from '../../src/shared/api/devices.ts';
import { HelpCall } from '../../src/shared/api/help-calls.ts';
import { BANKID_GUIDE, BUS_GUIDE_SWEDISH_ONLY, LIBRARY } from '../fixtures/kiosk-guides.ts';

/**
 * The one list of contract schemas the kiosk checks without zod, and the one
 * file zod writes them to (src/browser/server-answers/answer-checks.ts reads it).
 * A new answer for the kiosk: add its schema here, run `npx vitest run -u` on
 * this file, and add its check there.
 */
const ANSWER_SCHEMAS = {
  ContentRelease,
  HelpCall,
  DeviceProblem,
  PairedKioskDevice,
  PairingResponse,
  PairingCode,
};
const SCHEMA_FILE = '../../src/browser/server-answers/answer-schemas.json';
const SEED_GUIDES_DIR = 'src/server/seed/guides';

/** What the server sends: the contract's input side, so defaults may be left out. */
const jsonSchemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', reused: 'ref' });
const answerSchemas = () =>
  Object.fromEntries(
    Object.entries(ANSWER_SCHEMAS).map(([name, schema]) => [name, jsonSchemaOf(schema)]),
  );

const release = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  release: 3,
  since: 0,
  library: LIBRARY,
  guideIds: [BANKID_GUIDE.id, BUS_GUIDE_SWEDISH_ONLY.id],
  guides: [BANKID_GUIDE, BUS_GUIDE_SWEDISH_ONLY],
  images: [{ id: 'bankid-what-you-need', sha256: 'a'.repeat(64), mimeType: 'image/png', size: 10 }],
  ...overrides,
});

/** The seed guides zod accepts: the real content tablets get. */
function seedGuides(): unknown[] {
  return readdirSync(SEED_GUIDES_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name): unknown => JSON.parse(readFileSync(`${SEED_GUIDES_DIR}/${name}`, 'utf8')))
    .filter((guide) => ContentRelease.shape.guides.element.safeParse(guide).success);
}

function keywordsOf(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const item of schema) keywordsOf(item, found);
  else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      // Names of properties and definitions are not keywords; what they hold is a schema.
      if (key === 'properties' || key === '$defs') {
        found.add(key);
        for (const inner of Object.values(value as object)) keywordsOf(inner, found);
      } else {
        found.add(key);
        keywordsOf(value, found);
      }
    }
  }
  return found;
}

describe("the kiosk's schemas of server answers", () => {
  it('are the ones zod writes from the shared contract (npx vitest run -u writes them anew)', async () => {
    // Written as Prettier writes it, so `prettier --check .` passes on the generated file.
    const path = fileURLToPath(new URL(SCHEMA_FILE, import.meta.url));
    const options = { ...(await resolveConfig(path)), filepath: path };
    const text = await format(JSON.stringify(answerSchemas(), null, 2), options);
    await expect(text).toMatchFileSnapshot(SCHEMA_FILE);
  });

  it('use no keyword the check does not understand', () => {
    const unknown = [...keywordsOf(Object.values(answerSchemas()))].filter(
      (keyword) => !SUPPORTED_KEYWORDS.includes(keyword),
    );
    expect(unknown).toEqual([]);
  });

  it('can say "one of several types", as zod writes a nullable string', () => {
    const schema: JsonSchema = { type: ['string', 'null'] };
    expect(checkJson(schema, null)).toEqual({ ok: true, value: null });
    expect(checkJson(schema, 'x')).toEqual({ ok: true, value: 'x' });
    expect(checkJson(schema, 1)).toEqual({ ok: false, problems: ['expected string or null'] });
  });
});

describe("the kiosk's check of content answers", () => {
  it('gives what zod gives for a good answer: defaults filled in, unknown keys left out', () => {
    const guides = [...seedGuides(), BANKID_GUIDE, BUS_GUIDE_SWEDISH_ONLY].map((guide) => {
      const { verification, text, steps } = guide as typeof BANKID_GUIDE;
      return {
        ...(guide as object),
        fromANewerServer: true,
        verification: { status: verification.status },
        text: Object.fromEntries(
          Object.entries(text).map(([code, value]) => [code, { title: value.title }]),
        ),
        steps: steps.map((step) => ({ ...step, extra: 1 })),
      };
    });
    expect(guides.length).toBeGreaterThan(2);
    const answer = release({ guides, somethingNew: 'x' });
    const checked = checkContentRelease(answer);
    expect(checked).toEqual({ ok: true, value: ContentRelease.parse(answer) });
    if (!checked.ok) return;
    expect(checked.value.guides[0]?.verification.note).toBe('');
    expect(checked.value).not.toHaveProperty('somethingNew');
  });

  it('refuses what zod refuses for its form, and says where', () => {
    const bad: [string, Record<string, unknown>, RegExp][] = [
      ['a missing field', { guideIds: undefined }, /^guideIds: is missing$/],
      ['a wrong type', { release: '3' }, /^release: expected integer$/],
      ['a negative release', { since: -1 }, /^since: is below 0$/],
      ['a bad id', { guideIds: ['Not a slug'] }, /^guideIds\[0\]: is not in the expected form$/],
      [
        'an unknown language',
        { guides: [{ ...BANKID_GUIDE, text: { xx: { title: 'X' } } }] },
        /^guides\[0\]\.text\.xx: unknown value xx$/,
      ],
      [
        'a guide without steps',
        { guides: [{ ...BANKID_GUIDE, steps: [] }] },
        /^guides\[0\]\.steps: needs at least 1 item$/,
      ],
      [
        'an unknown file type',
        { images: [{ id: 'x', sha256: 'a'.repeat(64), mimeType: 'text/html', size: 1 }] },
        /^images\[0\]\.mimeType: unknown value text\/html$/,
      ],
      [
        'a public address that is no address',
        { library: { ...LIBRARY, publicUrl: 'not a url' } },
        /^library\.publicUrl: matches none of the allowed forms$/,
      ],
    ];
    for (const [what, overrides, problem] of bad) {
      const answer = release(overrides);
      expect(ContentRelease.safeParse(answer).success, what).toBe(false);
      const checked = checkContentRelease(answer);
      expect(checked.ok, what).toBe(false);
      if (!checked.ok)
        expect(checked.problems, what).toContainEqual(expect.stringMatching(problem));
    }
    expect(checkContentRelease(null).ok).toBe(false);
    expect(checkContentRelease([]).ok).toBe(false);
  });
});

describe("the kiosk's checks of help call and device answers", () => {
  const CALL = {
    id: '6f1c2a4e-8b3d-4c5e-9f7a-1b2c3d4e5f60',
    deviceId: 7,
    deviceName: 'Entrésurfplattan',
    branchId: 1,
    location: 'Vid entrén',
    guideId: null,
    stepNumber: 2,
    language: 'sv',
    needs: ['trouble-seeing'],
    status: 'acknowledged',
    pressedAt: '2025-03-01T10:00:00.000Z',
    receivedAt: '2025-03-01T10:00:01.000Z',
    waitingSince: '2025-03-01T10:00:00.000Z',
    acknowledgedAt: '2025-03-01T10:01:00.000Z',
    doneAt: null,
    cancelledAt: null,
  };
  const DEVICE = {
    id: 7,
    name: 'Entré',
    branchId: 1,
    branchName: 'Stadsbiblioteket',
    location: '',
  };
  const PIN = { salt: 's'.repeat(16), sha256: 'a'.repeat(64) };
  const checks = [
    {
      what: 'a help call',
      check: checkHelpCall,
      schema: HelpCall,
      good: [CALL, { ...CALL, guideId: 'bankid', acknowledgedAt: null, fromANewerServer: 1 }],
      bad: [
        { ...CALL, id: 'not-a-uuid' },
        { ...CALL, status: 'lost' },
        { ...CALL, doneAt: 5 },
        { ...CALL, stepNumber: 0 },
        { ...CALL, needs: ['free text'] },
        { ok: true },
      ],
    },
    {
      what: 'a device problem',
      check: checkDeviceProblem,
      schema: DeviceProblem,
      good: [
        { statusCode: 401, error: 'Unauthorized', message: 'Pair again.', code: 'device-revoked' },
        { statusCode: 503, error: 'Service Unavailable', message: 'Later.' },
      ],
      bad: [
        { statusCode: 401, error: 'Unauthorized', message: 'x', code: 'device-lost' },
        { statusCode: 401, error: 'Unauthorized' },
        '<html>captive portal</html>',
      ],
    },
    {
      what: "the tablet's details",
      check: checkPairedKioskDevice,
      schema: PairedKioskDevice,
      good: [
        { device: DEVICE, library: LIBRARY, setupPin: PIN },
        { device: DEVICE, library: LIBRARY, setupPin: null },
      ],
      bad: [
        { device: DEVICE, library: LIBRARY },
        { device: DEVICE, library: LIBRARY, setupPin: { ...PIN, sha256: 'nope' } },
        { device: { ...DEVICE, id: -1 }, library: LIBRARY, setupPin: null },
        { device: DEVICE, library: { ...LIBRARY, idleResetSeconds: 5 }, setupPin: null },
      ],
    },
    {
      what: 'a pairing',
      check: checkPairingResponse,
      schema: PairingResponse,
      good: [{ deviceToken: 't'.repeat(43), device: DEVICE }],
      bad: [{ deviceToken: 'short', device: DEVICE }, { device: DEVICE }],
    },
  ];

  it('gives what zod gives for every good answer, and refuses what zod refuses', () => {
    for (const { what, check, schema, good, bad } of checks) {
      for (const answer of good) {
        expect(check(answer), what).toEqual({ ok: true, value: schema.parse(answer) });
      }
      for (const answer of bad) {
        expect(schema.safeParse(answer).success, `${what}: zod`).toBe(false);
        expect(check(answer).ok, `${what}: ${JSON.stringify(answer)}`).toBe(false);
      }
    }
  });

  it('checks a pairing code as the contract does, spaces around it allowed', () => {
    for (const code of ['042917', ' 042917 ', '12 34', '1234567', 'abcdef', '']) {
      const zod = PairingCode.safeParse(code);
      const checked = checkPairingCode(code);
      expect(checked.ok, code).toBe(zod.success);
      if (checked.ok && zod.success) expect(checked.value).toBe(zod.data);
    }
  });
});
