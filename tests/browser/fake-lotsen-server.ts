/**
 * A stand-in for the Lotsen server's tablet API, answering a fetch the way
 * the real routes do (idempotent PUT, 401 with a device code, content as
 * releases with changes since the tablet's release, ...), with
 * faults a test can queue: no network, an answer lost after the server
 * acted, a request that never answers, or any status.
 */
import { createHash } from 'node:crypto';
import {
  TABLET_REPORT_HEADERS,
  type ContentImage,
  type ContentRelease,
  type LibrarySettings,
} from '../../src/shared/api/contract.ts';
import type { Guide } from '../../src/shared/content/guide.ts';
import type { KioskDevice, KioskSetupPin } from '../../src/shared/api/devices.ts';
import type { HelpCall, HelpCallRequest } from '../../src/shared/api/help-calls.ts';

export const LIBRARY: LibrarySettings = {
  branchId: 1,
  libraryName: 'Stadsbiblioteket',
  infoDesk: 'informationsdisken vid entrén',
  transportApp: 'Västtrafik To Go',
  fallbackLanguage: 'sv',
  idleResetSeconds: 120,
  publicUrl: null,
};

export const DEVICE: KioskDevice = {
  id: 7,
  name: 'Entrésurfplattan',
  branchId: 1,
  branchName: 'Stadsbiblioteket',
  location: 'Vid entrén',
};

export const TOKEN = 'a'.repeat(43);

const API_CONTENT = '/api/content';

/** The pictures a guide shows and the recordings it plays. */
const imageIdsOf = (guide: Guide) =>
  guide.steps.flatMap((step) => [
    ...(step.image ? [step.image.id] : []),
    ...Object.values(step.text).flatMap((words) => (words.audio ? [words.audio.id] : [])),
  ]);

/** Guide media other than an SVG picture (an SVG is given as its text). */
export interface FakeMedia {
  mimeType: ContentImage['mimeType'];
  body: string;
}

const asMedia = (media: string | FakeMedia): FakeMedia =>
  typeof media === 'string' ? { mimeType: 'image/svg+xml', body: media } : media;

/** An SVG's text is UTF-8; other bodies are bytes written as latin1 text ("OggS\u0000…"). */
const bytesOf = (media: FakeMedia) =>
  Buffer.from(media.body, media.mimeType === 'image/svg+xml' ? 'utf8' : 'latin1');

export interface ReceivedRequest {
  method: string;
  path: string;
  token: string | null;
  body: unknown;
}

/**
 * - network-error: the request never reaches the server;
 * - lost-answer: the server acts on it, then the answer is lost;
 * - hang: no answer ever (until the caller aborts);
 * - an answer: sent instead of what the server would say (the server does nothing).
 */
export type Fault =
  | 'network-error'
  | 'lost-answer'
  | 'hang'
  | { status: number; body?: unknown; headers?: Record<string, string> };

/** What a tablet sent with a content request. */
export interface ContentRequest {
  since: number;
  ifNoneMatch: string | null;
  appVersion: string | null;
  pendingCalls: string | null;
  token: string | null;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const problem = (statusCode: number, message: string, code?: string) =>
  Response.json(
    { statusCode, error: 'Error', message, ...(code ? { code } : {}) },
    { status: statusCode },
  );

export class FakeLotsenServer {
  /** Requests that reached the server, in order. */
  received: ReceivedRequest[] = [];
  calls = new Map<string, { request: HelpCallRequest; call: HelpCall }>();
  /** Faults for the next requests, used up one per request. */
  faults: Fault[] = [];
  networkDown = false;
  tokens = new Map<string, 'ok' | 'device-revoked'>([[TOKEN, 'ok']]);
  pairingCodes = new Map<string, string>();
  device: KioskDevice = DEVICE;
  library: LibrarySettings = LIBRARY;
  /** The branch's setup PIN, as GET /api/devices/me sends it. */
  setupPin: KioskSetupPin | null = null;
  /** Resolves hung requests when a test is done with them. */
  private hung: (() => void)[] = [];

  /** The newest release; 0 until something is published (then GET /api/content is a 404). */
  release = 0;
  /** Published guides in the kiosk's order, with the release each last changed in. */
  private published: { guide: Guide; changedIn: number }[] = [];
  /** Picture bytes (SVG text) by id. */
  private pictures = new Map<string, FakeMedia>();
  /** Pictures whose download fails with a 500, or arrives with other bytes. */
  failingImages = new Set<string>();
  damagedImages = new Set<string>();
  contentRequests: ContentRequest[] = [];
  /** The body of every 200 answer to GET /api/content. */
  contentAnswers: ContentRelease[] = [];

  /** Publishes a new release: a guide is "changed" when it or a picture it shows differs. */
  publishContent(guides: Guide[], pictures: Record<string, string | FakeMedia> = {}): number {
    const release = this.release + 1;
    const before = new Map(this.published.map((entry) => [entry.guide.id, entry]));
    const oldPictures = this.pictures;
    this.pictures = new Map(Object.entries(pictures).map(([id, media]) => [id, asMedia(media)]));
    const picturesChanged = (guide: Guide) =>
      imageIdsOf(guide).some(
        (id) => JSON.stringify(oldPictures.get(id)) !== JSON.stringify(this.pictures.get(id)),
      );
    this.published = guides.map((guide) => {
      const old = before.get(guide.id);
      const same =
        old && JSON.stringify(old.guide) === JSON.stringify(guide) && !picturesChanged(guide);
      return { guide, changedIn: same ? old.changedIn : release };
    });
    this.release = release;
    return release;
  }

  imageRequests(): string[] {
    return this.requestsTo('GET', '/api/images/').map((request) =>
      decodeURIComponent(request.path.replace('/api/images/', '')),
    );
  }

  requestsTo(method: string, pathPrefix = '/api/help-calls/'): ReceivedRequest[] {
    return this.received.filter(
      (request) => request.method === method && request.path.startsWith(pathPrefix),
    );
  }

  acknowledge(id: string): void {
    this.change(id, { status: 'acknowledged', acknowledgedAt: new Date().toISOString() });
  }

  markDone(id: string): void {
    this.change(id, { status: 'done', doneAt: new Date().toISOString() });
  }

  releaseHungRequests(): void {
    for (const release of this.hung.splice(0)) release();
  }

  private change(id: string, patch: Partial<HelpCall>) {
    const stored = this.calls.get(id);
    if (!stored) throw new Error(`No call ${id}`);
    stored.call = { ...stored.call, ...patch };
  }

  fetch: typeof fetch = async (input, init) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw, 'http://lotsen.test');
    const method = init?.method ?? 'GET';
    const auth = new Headers(init?.headers).get('Authorization');
    const token = auth?.replace(/^Bearer /, '') ?? null;
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
    // Let other work run between requests, as a real network would.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.networkDown) throw new TypeError('Failed to fetch');
    const fault = this.faults.shift();
    if (fault === 'network-error') throw new TypeError('Failed to fetch');
    if (fault === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        const fail = () => {
          reject(new DOMException('The operation was aborted.', 'AbortError'));
        };
        init?.signal?.addEventListener('abort', fail);
        this.hung.push(fail);
      });
    }
    this.received.push({ method, path: url.pathname, token, body });
    if (url.pathname === API_CONTENT) {
      const headers = new Headers(init?.headers);
      this.contentRequests.push({
        since: Number(url.searchParams.get('since') ?? '0'),
        ifNoneMatch: headers.get('If-None-Match'),
        appVersion: headers.get(TABLET_REPORT_HEADERS.appVersion),
        pendingCalls: headers.get(TABLET_REPORT_HEADERS.pendingCalls),
        token,
      });
    }
    if (fault !== undefined && fault !== 'lost-answer') {
      return fault.body === undefined
        ? new Response(null, { status: fault.status, headers: fault.headers ?? {} })
        : Response.json(fault.body, { status: fault.status, headers: fault.headers ?? {} });
    }
    const response =
      url.pathname === API_CONTENT || url.pathname.startsWith('/api/images/')
        ? this.answerContent(url, token)
        : this.answer(method, url.pathname, token, body);
    if (fault === 'lost-answer') throw new TypeError('Failed to fetch');
    return response;
  };

  private answerContent(url: URL, token: string | null): Response {
    if (token !== null && this.tokens.get(token) !== 'ok') {
      return problem(401, 'Not paired.', 'device-revoked');
    }
    if (url.pathname.startsWith('/api/images/')) {
      const id = decodeURIComponent(url.pathname.replace('/api/images/', ''));
      const media = this.pictures.get(id);
      if (media === undefined || this.failingImages.has(id)) return problem(500, 'Broken.');
      const bytes = bytesOf(media);
      return new Response(this.damagedImages.has(id) ? `${media.body} ` : bytes, {
        headers: { 'content-type': media.mimeType },
      });
    }
    if (this.release === 0) return problem(404, 'No content in this test.');
    const asked = Number(url.searchParams.get('since') ?? '0');
    // Like the real server: a release it cannot count from gets everything.
    const since = asked > 0 && asked <= this.release ? asked : 0;
    const etag = `"r${this.release}-s${since}"`;
    const last = this.contentRequests.at(-1);
    if (last?.ifNoneMatch === etag) return new Response(null, { status: 304 });
    const guides = this.published
      .filter((entry) => entry.changedIn > since)
      .map((entry) => entry.guide);
    const shown = new Set(guides.flatMap(imageIdsOf));
    const answer: ContentRelease = {
      release: this.release,
      since,
      library: this.library,
      guideIds: this.published.map((entry) => entry.guide.id),
      guides,
      images: [...this.pictures]
        .filter(([id]) => shown.has(id))
        .map(([id, media]) => ({
          id,
          sha256: sha256(bytesOf(media)),
          mimeType: media.mimeType,
          size: bytesOf(media).length,
        })),
    };
    this.contentAnswers.push(answer);
    return Response.json(answer, { headers: { ETag: etag } });
  }

  private answer(method: string, path: string, token: string | null, body: unknown): Response {
    if (method === 'POST' && path === '/api/devices/pair') {
      const code = (body as { code?: string } | null)?.code ?? '';
      const deviceToken = this.pairingCodes.get(code);
      if (!deviceToken)
        return problem(400, 'This pairing code is wrong, already used, or expired.');
      this.pairingCodes.delete(code);
      this.tokens.set(deviceToken, 'ok');
      return Response.json({ deviceToken, device: this.device }, { status: 201 });
    }
    const tokenState = token === null ? undefined : this.tokens.get(token);
    if (tokenState === undefined) return problem(401, 'Not paired.', 'device-not-paired');
    if (tokenState === 'device-revoked') return problem(401, 'Revoked.', 'device-revoked');

    if (method === 'GET' && path === '/api/devices/me') {
      return Response.json({ device: this.device, library: this.library, setupPin: this.setupPin });
    }
    const match = /^\/api\/help-calls\/([^/]+)(\/cancel)?$/.exec(path);
    if (!match?.[1]) return problem(404, 'No such API.');
    const id = decodeURIComponent(match[1]);
    const stored = this.calls.get(id);
    if (method === 'PUT' && !match[2]) {
      const request = body as HelpCallRequest;
      if (stored) {
        return JSON.stringify(stored.request) === JSON.stringify(request)
          ? Response.json(stored.call, { status: 200 })
          : problem(422, 'A different help call was already sent with this id.');
      }
      const now = new Date().toISOString();
      const call: HelpCall = {
        id,
        deviceId: this.device.id,
        deviceName: this.device.name,
        branchId: this.device.branchId,
        location: this.device.location,
        ...request,
        status: 'waiting',
        receivedAt: now,
        waitingSince: request.pressedAt,
        acknowledgedAt: null,
        doneAt: null,
        cancelledAt: null,
      };
      this.calls.set(id, { request, call });
      return Response.json(call, { status: 201 });
    }
    if (!stored) return problem(404, `There is no help call with id ${id}.`);
    if (method === 'GET' && !match[2]) return Response.json(stored.call);
    if (method === 'POST' && match[2]) {
      if (stored.call.status === 'waiting' || stored.call.status === 'acknowledged') {
        this.change(id, { status: 'cancelled', cancelledAt: new Date().toISOString() });
      }
      return Response.json(stored.call);
    }
    return problem(404, 'No such API.');
  }
}
