/**
 * `tsx scripts/bench-content-sync.ts`: what a tablet's content sync costs,
 * in bytes on the wire and in time, for a large library.
 *
 * The real server runs as a child process on 127.0.0.1 with a fresh data
 * dir holding 500 guides in 8 languages, 8 steps each, every step with a
 * picture of its own (WebP, 20-40 KB). A fresh simulated tablet (its own
 * IndexedDB through fake-indexeddb, the REAL sync code: syncContent and
 * applyStagedRelease) syncs everything; then nothing changes (a 304); then
 * one guide's text is changed and published, and the tablet syncs the delta.
 *
 * Bytes are counted by a TCP proxy between the tablet and the server: every
 * byte of every connection, both ways, headers and chunk framing included,
 * as compressed on the wire (the body sizes before compression are printed
 * alongside). Figures go to stdout and reports/bench-content-sync.md.
 */
// First, before anything loads Dexie: the simulated tablet keeps its content in an IndexedDB in Node.
import 'fake-indexeddb/auto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { syncContent, type SyncOutcome } from '../src/browser/content-sync/content-sync.ts';
import { savePairing } from '../src/browser/device/kiosk-device-records.ts';
import { applyStagedRelease, type ApplyOutcome } from '../src/browser/local-db/content.ts';
import { KioskDatabase } from '../src/browser/local-db/kiosk-db.ts';
import { CATEGORY_IDS, ICONS } from '../src/shared/content/categories.ts';
import { Guide } from '../src/shared/content/guide.ts';
import { GuideDraft } from '../src/shared/content/guide-draft.ts';
import type { LanguageCode } from '../src/shared/languages.ts';
import { sha256Hex } from '../src/server/content/sha256.ts';
import { openDatabase, type Database } from '../src/server/database/open-database.ts';
import { addKioskDeviceWithCode, pairKioskDevice } from '../src/server/devices/device-pairing.ts';
import { publishGuide, replaceDraft } from '../src/server/guides/guide-store.ts';
import { freePort, ServerProcess } from '../tests/support/server-process.ts';

const GUIDES = 500;
const STEPS = 8;
const LANGUAGES: LanguageCode[] = ['sv', 'en', 'ar', 'fa', 'so', 'ti', 'uk', 'fi'];
const CHANGED_GUIDE = 'bench-guide-250';
const BY = 'bench@bibliotek.example.se';

// ---------------------------------------------------------------- content

/** Deterministic: the same run makes the same library. */
function randomFrom(seed: number) {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

/** A few words per language, so each language's text has its own script and byte length. */
const WORDS: Partial<Record<LanguageCode, string[]>> = {
  sv: 'tryck på knappen öppna appen skriv ditt personnummer välj logga in fortsätt sedan vänta lite bekräfta med koden telefonen visar'.split(
    ' ',
  ),
  en: 'press the button open app type your personal number choose log in then continue wait a moment confirm with code phone shows'.split(
    ' ',
  ),
  ar: 'اضغط على الزر افتح التطبيق اكتب رقمك الشخصي اختر تسجيل الدخول ثم تابع انتظر قليلا أكد بالرمز الهاتف يعرض'.split(
    ' ',
  ),
  fa: 'دکمه را بزنید برنامه را باز کنید شماره شخصی خود را بنویسید ورود را انتخاب کنید سپس ادامه دهید کمی صبر کنید'.split(
    ' ',
  ),
  so: 'riix badhanka fur app ka qor lambarkaaga shakhsiga dooro gal kadib sii wad sug xoogaa xaqiiji koodhka taleefanku muujinayo'.split(
    ' ',
  ),
  ti: 'ነቲ መልጎም ጠውቑ ነቲ ኣፕ ክፈቱ ናይ ውልቂ ቁጽሪ ጽሓፉ እቶ ምረጹ ድሕሪኡ ቀጽሉ ቁሩብ ተጸበዩ ብኮድ ኣረጋግጹ'.split(' '),
  uk: 'натисніть кнопку відкрийте застосунок введіть свій особистий номер виберіть увійти потім продовжуйте зачекайте підтвердіть кодом'.split(
    ' ',
  ),
  fi: 'paina painiketta avaa sovellus kirjoita henkilötunnuksesi valitse kirjaudu sitten jatka odota hetki vahvista koodilla puhelin näyttää'.split(
    ' ',
  ),
};

function sentence(random: () => number, language: LanguageCode, words: number): string {
  const vocabulary = WORDS[language] ?? [];
  const text = Array.from(
    { length: words },
    () => vocabulary[Math.floor(random() * vocabulary.length)] ?? '',
  ).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const guideId = (index: number) => `bench-guide-${String(index).padStart(3, '0')}`;
const pictureId = (guide: number, step: number) => `bench-${guide}-${step}`;

function benchGuide(index: number): Guide {
  const random = randomFrom(index + 1);
  const text = Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      { title: sentence(random, language, 5), summary: sentence(random, language, 14) },
    ]),
  );
  const steps = Array.from({ length: STEPS }, (_, step) => ({
    id: `step-${step + 1}`,
    image: { id: pictureId(index, step), width: 480, height: 360 },
    text: Object.fromEntries(
      LANGUAGES.map((language) => [
        language,
        {
          title: sentence(random, language, 4),
          body: `${sentence(random, language, 25)} ${sentence(random, language, 20)}`,
          imageAlt: sentence(random, language, 10),
          callouts: step % 3 === 0 ? [{ kind: 'tip', text: sentence(random, language, 12) }] : [],
        },
      ]),
    ),
  }));
  return Guide.parse({
    id: guideId(index),
    category: CATEGORY_IDS[index % CATEGORY_IDS.length],
    icon: ICONS[index % ICONS.length],
    lastVerified: '2025-01-15',
    verification: { status: 'verified', note: '' },
    text,
    steps,
  });
}

/** A screenshot-sized picture: a gradient with noise, so WebP cannot shrink it to nothing. */
async function benchPicture(seed: number): Promise<Buffer> {
  const width = 480;
  const height = 360;
  const random = randomFrom(seed);
  const noise = 26 + random() * 12; // 20-40 KB after WebP
  const [red, green, blue] = [random() * 128, random() * 128, random() * 128];
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const offset = (y * width + x) * 3;
      const n = (random() - 0.5) * noise;
      raw[offset] = red + x * 0.2 + n;
      raw[offset + 1] = green + y * 0.3 + n;
      raw[offset + 2] = blue + (x + y) * 0.1 + n;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .webp({ quality: 75, effort: 0 })
    .toBuffer();
}

/** The library, published as one release, with a draft and a first version per guide (as the seed does). */
async function fillLibrary(db: Database): Promise<{ pictureBytes: number }> {
  const guides = Array.from({ length: GUIDES }, (_, index) => benchGuide(index));
  const pictures: { id: string; bytes: Buffer }[] = [];
  const jobs = guides.flatMap((_, guide) =>
    Array.from({ length: STEPS }, (__, step) => ({ guide, step })),
  );
  const batch = Math.max(8, cpus().length * 2);
  for (let start = 0; start < jobs.length; start += batch) {
    const slice = jobs.slice(start, start + batch);
    const made = await Promise.all(
      slice.map(({ guide, step }) => benchPicture(guide * STEPS + step + 7)),
    );
    slice.forEach(({ guide, step }, index) => {
      pictures.push({ id: pictureId(guide, step), bytes: made[index] ?? Buffer.alloc(0) });
    });
  }
  db.transaction(() => {
    const release = db
      .prepare(
        "INSERT INTO content_releases (note, published_by) VALUES ('Benchmark library', 'seed')",
      )
      .run().lastInsertRowid;
    const guide = db.prepare('INSERT INTO guides (id, document, release_id) VALUES (?, ?, ?)');
    const draft = db.prepare(
      "INSERT INTO guide_drafts (guide_id, document, revision, saved_by) VALUES (?, ?, 1, 'seed')",
    );
    const version = db.prepare(
      `INSERT INTO guide_versions (guide_id, version, document, release_id, published_by)
       VALUES (?, 1, ?, ?, 'seed')`,
    );
    for (const document of guides) {
      const json = JSON.stringify(document);
      guide.run(document.id, json, release);
      draft.run(document.id, json);
      version.run(document.id, json, release);
    }
    const picture = db.prepare(
      "INSERT INTO guide_images (id, mime_type, sha256, bytes) VALUES (?, 'image/webp', ?, ?)",
    );
    for (const { id, bytes } of pictures) picture.run(id, sha256Hex(bytes), bytes);
  })();
  return { pictureBytes: pictures.reduce((sum, picture) => sum + picture.bytes.length, 0) };
}

/** One guide's Swedish text changes, published the way an editor publishes (the real guide store). */
function changeOneGuide(db: Database): void {
  const stored = db
    .prepare<[string], string>('SELECT document FROM guide_drafts WHERE guide_id = ?')
    .pluck()
    .get(CHANGED_GUIDE);
  if (stored === undefined) throw new Error(`${CHANGED_GUIDE} has no draft.`);
  const draft = GuideDraft.parse(JSON.parse(stored));
  const first = draft.steps[0]?.text.sv;
  if (!first) throw new Error(`${CHANGED_GUIDE} has no Swedish first step.`);
  first.body = 'Tryck på den gröna knappen. Appen har bytt utseende sedan förra veckan.';
  replaceDraft(db, draft, BY);
  publishGuide(db, CHANGED_GUIDE, { note: 'New button colour', by: BY });
}

// ---------------------------------------------------------------- measuring

/** Passes TCP through and counts every byte, both ways. */
class CountingProxy {
  toTablet = 0;
  toServer = 0;
  connections = 0;
  #server: Server | undefined;
  readonly #sockets = new Set<Socket>();

  constructor(private readonly upstreamPort: number) {}

  async listen(): Promise<number> {
    const server = createServer((client) => {
      this.connections += 1;
      const upstream = connect(this.upstreamPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket);
        socket.on('close', () => this.#sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.on('data', (chunk: Buffer) => {
        this.toServer += chunk.length;
      });
      upstream.on('data', (chunk: Buffer) => {
        this.toTablet += chunk.length;
      });
      client.pipe(upstream);
      upstream.pipe(client);
    });
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('The proxy has no port.');
    return address.port;
  }

  reset(): void {
    this.toTablet = 0;
    this.toServer = 0;
    this.connections = 0;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    const server = this.#server;
    if (server)
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
  }
}

interface RequestLog {
  content: number;
  pictures: number;
  encodings: Set<string>;
}

/** The tablet's fetch, noting what it asked for and how the answers were encoded. */
function loggingFetch(log: RequestLog): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/api/content')) log.content += 1;
    else log.pictures += 1;
    log.encodings.add(`${response.headers.get('content-encoding') ?? 'none'} (${response.status})`);
    return response;
  };
}

interface Phase {
  name: string;
  sync: SyncOutcome;
  apply: ApplyOutcome;
  contentRequests: number;
  pictureRequests: number;
  encodings: string;
  connections: number;
  bytesToTablet: number;
  bytesToServer: number;
  syncMs: number;
  applyMs: number;
}

async function measure(
  name: string,
  kiosk: KioskDatabase,
  proxy: CountingProxy,
  baseUrl: string,
): Promise<Phase> {
  proxy.reset();
  const log: RequestLog = { content: 0, pictures: 0, encodings: new Set() };
  const started = performance.now();
  const sync = await syncContent({
    db: kiosk,
    baseUrl,
    fetch: loggingFetch(log),
    appVersion: 'bench',
  });
  const synced = performance.now();
  const apply = await applyStagedRelease(kiosk);
  const applied = performance.now();
  // Let the last socket's bytes reach the counters.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    name,
    sync,
    apply,
    contentRequests: log.content,
    pictureRequests: log.pictures,
    encodings: [...log.encodings].join(', '),
    connections: proxy.connections,
    bytesToTablet: proxy.toTablet,
    bytesToServer: proxy.toServer,
    syncMs: synced - started,
    applyMs: applied - synced,
  };
}

/** The content answer's body before compression and as gzip / brotli would send it. */
async function contentBodySizes(origin: string, since: number) {
  const sizes: Record<string, number> = {};
  for (const encoding of ['identity', 'gzip', 'br']) {
    const bytes = await new Promise<number>((resolve, reject) => {
      const socket = connect(Number(new URL(origin).port), '127.0.0.1');
      let total = 0;
      let head = '';
      socket.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('latin1');
        total += chunk.length;
      });
      socket.on('end', () => {
        const headerEnd = head.indexOf('\r\n\r\n') + 4;
        resolve(total - headerEnd);
      });
      socket.on('error', reject);
      socket.write(
        `GET /api/content?since=${since} HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept-Encoding: ${encoding}\r\n\r\n`,
      );
    });
    sizes[encoding] = bytes;
  }
  return sizes;
}

/** The server's own time for a content answer (median of 5, on loopback, no proxy), body read in full. */
async function serverAnswerMs(origin: string, since: number, etag?: string): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    const response = await fetch(`${origin}/api/content?since=${since}`, {
      headers: etag ? { 'if-none-match': etag } : {},
    });
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2] ?? NaN;
}

// ---------------------------------------------------------------- report

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const size = (bytes: number) => (bytes >= 1024 * 1024 ? mib(bytes) : kib(bytes));
const seconds = (ms: number) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;

function table(phases: Phase[]): string {
  const rows = phases.map((phase) =>
    [
      phase.name,
      phase.sync.status === 'busy'
        ? 'busy'
        : `${phase.sync.status} (release ${phase.sync.release})`,
      phase.apply.status,
      `${phase.contentRequests} + ${phase.pictureRequests}`,
      size(phase.bytesToTablet),
      size(phase.bytesToServer),
      seconds(phase.syncMs),
      seconds(phase.applyMs),
    ].join(' | '),
  );
  return [
    '| Sync | Outcome | Apply | Requests (content + pictures) | Bytes to tablet | Bytes to server | Sync time | Apply time |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

// ---------------------------------------------------------------- run

const dataDir = mkdtempSync(join(tmpdir(), 'lotsen-bench-content-'));
const server = new ServerProcess(await freePort(), { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
const proxy = new CountingProxy(server.port);
const kiosk = new KioskDatabase(`bench-content-${crypto.randomUUID()}`);
try {
  await server.start(); // creates and seeds the database: the demo branch is branch 1
  const db = openDatabase(dataDir);
  console.log(`Making ${GUIDES} guides × ${LANGUAGES.length} languages × ${STEPS} steps …`);
  const made = performance.now();
  const { pictureBytes } = await fillLibrary(db);
  console.log(
    `… ${GUIDES * STEPS} pictures, ${mib(pictureBytes)} in all, in ${seconds(performance.now() - made)}`,
  );

  // A paired tablet: its token makes the server record its reports.
  const { pairingCode } = addKioskDeviceWithCode(db, {
    name: 'Bench tablet',
    branchId: 1,
    location: 'Benchmark',
  });
  const pairing = pairKioskDevice(db, pairingCode);
  if (!pairing) throw new Error('The bench tablet could not be paired.');
  await savePairing(kiosk, { ...pairing, library: null, setupPin: null }, Date.now());
  const baseUrl = `http://127.0.0.1:${await proxy.listen()}`;

  const fullBody = await contentBodySizes(server.origin, 0);
  console.log('Full sync …');
  const full = await measure('Full (fresh tablet)', kiosk, proxy, baseUrl);
  console.log('Nothing new …');
  // The first ask after an apply names the release the tablet now shows, which the last answer's
  // ETag (for since=0) does not: a 200 with no guides. From then on it is a 304.
  const firstCheck = await measure('Nothing new, first check after apply', kiosk, proxy, baseUrl);
  const unchanged = await measure('Nothing new (304)', kiosk, proxy, baseUrl);
  const before = full.sync.status === 'staged' ? full.sync.release : 0;
  changeOneGuide(db);
  const deltaBody = await contentBodySizes(server.origin, before);
  console.log('One guide changed …');
  const delta = await measure('Delta: one guide text changed', kiosk, proxy, baseUrl);
  const after = delta.sync.status === 'staged' ? delta.sync.release : 0;
  const currentEtag = (await fetch(`${server.origin}/api/content?since=${after}`)).headers.get(
    'etag',
  );
  const serverMs = {
    full: await serverAnswerMs(server.origin, 0),
    delta: await serverAnswerMs(server.origin, before),
    notModified: await serverAnswerMs(server.origin, after, currentEtag ?? undefined),
  };

  // Checks, so a broken sync cannot report good figures.
  const guides = await kiosk.guides.count();
  const images = await kiosk.images.count();
  const changed = await kiosk.guides.get(CHANGED_GUIDE);
  const report = db
    .prepare<[number], { release: number; version: string }>(
      'SELECT content_release AS release, app_version AS version FROM kiosk_devices WHERE id = ?',
    )
    .get(pairing.device.id);
  // What the server publishes: the bench library and the demo guides it seeded.
  const published = db
    .prepare<[], { guides: number; images: number }>(
      `SELECT (SELECT COUNT(*) FROM guides) AS guides,
              (SELECT COUNT(DISTINCT json_extract(step.value, '$.image.id'))
                 FROM guides, json_each(guides.document, '$.steps') AS step
                WHERE json_extract(step.value, '$.image.id') IS NOT NULL) AS images`,
    )
    .get();
  db.close();
  if (guides !== published?.guides || images !== published.images) {
    throw new Error(
      `The tablet holds ${guides} guides and ${images} pictures; the server publishes ${published?.guides} and ${published?.images}.`,
    );
  }
  if (!changed?.steps[0]?.text.sv?.body.includes('gröna knappen')) {
    throw new Error('The changed guide did not reach the tablet.');
  }
  if (delta.sync.status !== 'staged' || delta.sync.receivedGuides !== 1) {
    throw new Error(`The delta sync was not a delta: ${JSON.stringify(delta.sync)}`);
  }

  const phases = [full, firstCheck, unchanged, delta];
  const markdown = `# Content sync benchmark

\`tsx scripts/bench-content-sync.ts\` on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.

A library of ${GUIDES} published guides (plus the ${guides - GUIDES} demo guides) in ${LANGUAGES.length} languages (${LANGUAGES.join(' ')}), ${STEPS} steps each, every step with a picture of its own: ${GUIDES * STEPS} WebP pictures, ${mib(pictureBytes)} in all (20-40 KB each). The real server on 127.0.0.1; a fresh simulated tablet (fake-indexeddb, the real \`syncContent\` and \`applyStagedRelease\`).

${table(phases)}

- **Bytes** are counted by a TCP proxy between tablet and server: every byte of every connection, both ways, HTTP headers and chunk framing included, compressed as it travelled. Plain HTTP on loopback: TLS would add a little per connection and record.
- **Encodings seen** by the tablet (encoding and status): full sync ${full.encodings}; first check ${firstCheck.encodings}; nothing new ${unchanged.encodings}; delta ${delta.encodings}. Node's fetch offers gzip, as Chrome does over plain HTTP (Chrome offers brotli only over HTTPS). Pictures are WebP and are sent as they are: compressing them again gains nothing.
- **First check after apply**: the ETag names the newest release and the library settings (not the release the tablet counts from), so the check right after applying is already a 304.
- **The content answer's body** (\`GET /api/content\`) uncompressed / gzip / brotli (quality 4): full ${size(fullBody.identity ?? 0)} / ${size(fullBody.gzip ?? 0)} / ${size(fullBody.br ?? 0)}; delta after one changed guide ${size(deltaBody.identity ?? 0)} / ${size(deltaBody.gzip ?? 0)} / ${size(deltaBody.br ?? 0)}.
- **Server time** for the content answer (median of 5, loopback, body read, brotli): full ${seconds(serverMs.full)}, delta ${seconds(serverMs.delta)}, 304 ${seconds(serverMs.notModified)}.
- **Sync time** is \`syncContent\` (request, pictures with sha256 checks, staging in IndexedDB); **apply time** is \`applyStagedRelease\` (one IndexedDB transaction). Both in Node with fake-indexeddb, so they show the shape, not a tablet's absolute speed.
- After the delta the tablet holds ${guides} guides and ${images} pictures; the server recorded its report (release ${report?.release ?? '?'}, app version "${report?.version ?? '?'}").
`;
  console.log(`\n${table(phases)}\n`);
  console.log(
    `Server time for the content answer: full ${seconds(serverMs.full)}, delta ${seconds(serverMs.delta)}, 304 ${seconds(serverMs.notModified)}`,
  );
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/bench-content-sync.md', markdown);
  console.log('Written to reports/bench-content-sync.md');
} finally {
  await proxy.close();
  await kiosk.delete();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
