/**
 * Shared setup for the server tests: a real SQLite file in a temp folder that
 * is removed afterwards, a small fixture guide, and the app built on top.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { onTestFinished } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig, type Environment, type ServerConfig } from '../../src/server/config.ts';
import { openDatabase, type Database } from '../../src/server/database/open-database.ts';
import type { HelpCallBus } from '../../src/server/help-calls/help-call-bus.ts';
import { parseSeedContent, type SeedContent } from '../../src/server/seed/seed-content.ts';
import type { SeedFiles } from '../../src/server/seed/seed-files.ts';
import { seedDatabase } from '../../src/server/seed/seed-database.ts';

/** A fresh folder under the OS temp dir, deleted when the test finishes. */
export async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lotsen-server-test-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Settings for a test server in `dir`; the client dir does not exist unless the test makes it. */
export function testConfig(dir: string, env: Environment = {}): ServerConfig {
  return loadConfig({
    DATA_DIR: join(dir, 'data'),
    CLIENT_DIR: join(dir, 'client'),
    LOG_LEVEL: 'silent',
    ...env,
  });
}

export const FIXTURE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 600"><rect width="300" height="600" fill="#12355b"/></svg>';

/** A guide as an author would write it: the schema fills in defaults such as callouts. */
export function fixtureGuideJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'test-open-bankid',
    category: 'bankid',
    icon: 'bankid',
    lastVerified: '2025-01-15',
    verification: { status: 'verified', note: 'Checked against the test phone.' },
    text: { sv: { title: 'Öppna BankID', summary: 'Så öppnar du appen.' } },
    steps: [
      {
        id: 'open-app',
        image: { id: 'test-phone', width: 300, height: 600 },
        text: {
          sv: {
            title: 'Öppna appen',
            body: 'Tryck på [[BankID]]. Fråga {infoDesk} om du behöver hjälp.',
            imageAlt: 'En telefon med BankID-appen.',
          },
        },
      },
    ],
    ...overrides,
  };
}

export function fixtureSeedFiles(): SeedFiles {
  return {
    guides: { './guides/test-open-bankid.json': fixtureGuideJson() },
    images: { './images/test-phone.svg': FIXTURE_SVG },
  };
}

export function fixtureSeedContent(): SeedContent {
  return parseSeedContent(fixtureSeedFiles());
}

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  config: ServerConfig;
  dir: string;
}

export interface TestAppOptions {
  env?: Environment;
  content?: SeedContent;
  /** Files of a built PWA, by path inside the client dir; without them there is no client dir. */
  clientFiles?: Record<string, string | Buffer>;
  /** Settings that are not environment variables, e.g. a short heartbeat. */
  config?: Partial<ServerConfig>;
  helpCallBus?: HelpCallBus;
}

/** A migrated, seeded database and the app on it, closed when the test finishes. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = await makeTempDir();
  const config = { ...testConfig(dir, options.env), ...options.config };
  for (const [path, text] of Object.entries(options.clientFiles ?? {})) {
    const file = join(config.clientDir, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  const db = openDatabase(config.dataDir);
  seedDatabase(db, options.content ?? fixtureSeedContent());
  const app = await buildApp({ config, db, helpCallBus: options.helpCallBus });
  onTestFinished(async () => {
    await app.close();
    db.close();
  });
  return { app, db, config, dir };
}
