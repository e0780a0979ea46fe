import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../src/shared/api/contract.ts';
import {
  GUIDE_EDITING_API,
  UPLOAD_AUDIO_MAX_BYTES,
  UploadedAudio,
} from '../../src/shared/api/guide-editing.ts';
import {
  RECORDING_TOO_LARGE,
  UNREADABLE_RECORDING,
  UNSUPPORTED_RECORDING,
} from '../../src/server/audio/audio-upload-routes.ts';
import { sha256Hex } from '../../src/server/content/sha256.ts';
import { startTestApp, type TestApp } from './helpers.ts';
import { logInStaff, SAME_ORIGIN } from './staff-and-tablets.ts';

const URL = GUIDE_EDITING_API.uploadAudio.path;

/** The first bytes of each format, then `words`: the server checks the start and stores the rest. */
const recordings = {
  mp3WithTag: (words = 'speech') =>
    Buffer.concat([Buffer.from('ID3\u0004\u0000'), Buffer.from(words)]),
  mp3Frame: (words = 'speech') =>
    Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.from(words)]),
  m4a: (words = 'speech') =>
    Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypM4A '), Buffer.from(words)]),
  ogg: (words = 'speech') => Buffer.concat([Buffer.from('OggS\u0000\u0002'), Buffer.from(words)]),
  webm: (words = 'speech') =>
    Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f]), Buffer.from(words)]),
};

async function upload(test: TestApp, body: Buffer | string, contentType: string) {
  const editor = await logInStaff(test.db, 'editor');
  return test.app.inject({
    method: 'POST',
    url: URL,
    headers: { ...editor.headers, 'content-type': contentType },
    payload: body,
  });
}

function storedIds(test: TestApp) {
  return test.db.prepare<[], string>('SELECT id FROM guide_images ORDER BY id').pluck().all();
}

describe('POST /api/admin/audio', () => {
  it.each([
    ['an MP3 with an ID3 tag', recordings.mp3WithTag(), 'audio/mpeg', 'audio/mpeg'],
    ['an MP3 starting with a frame', recordings.mp3Frame(), 'audio/mpeg', 'audio/mpeg'],
    ['an MP3 its system calls audio/mp3', recordings.mp3WithTag(), 'audio/mp3', 'audio/mpeg'],
    ['an M4A', recordings.m4a(), 'audio/mp4', 'audio/mp4'],
    ['an M4A called audio/x-m4a', recordings.m4a(), 'audio/x-m4a', 'audio/mp4'],
    ['an M4A called audio/aac', recordings.m4a(), 'audio/aac', 'audio/mp4'],
    ['an Ogg recording', recordings.ogg(), 'audio/ogg', 'audio/ogg'],
    ['a WebM recording', recordings.webm(), 'audio/webm', 'audio/webm'],
    [
      'a file of no known type, by its bytes',
      recordings.ogg(),
      'application/octet-stream',
      'audio/ogg',
    ],
  ])('stores %s as it came and names it by its bytes', async (_what, bytes, sent, stored) => {
    const test = await startTestApp();
    const response = await upload(test, bytes, sent);
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const uploaded = UploadedAudio.parse(response.json());
    const sha256 = sha256Hex(bytes);
    expect(uploaded).toEqual({
      id: `aud-${sha256.slice(0, 16)}`,
      mimeType: stored,
      sha256,
      size: bytes.length,
    });
    const row = test.db
      .prepare<[string], { mime_type: string; bytes: Buffer }>(
        'SELECT mime_type, bytes FROM guide_images WHERE id = ?',
      )
      .get(uploaded.id);
    expect(row?.mime_type).toBe(stored);
    // No transcoding: the very bytes that were sent.
    expect(row?.bytes.equals(bytes)).toBe(true);
  });

  it('stores the same recording once', async () => {
    const test = await startTestApp();
    const ogg = recordings.ogg('hej');
    const first = UploadedAudio.parse((await upload(test, ogg, 'audio/ogg')).json());
    const second = await upload(test, ogg, 'audio/ogg');
    expect(second.statusCode).toBe(201);
    expect(UploadedAudio.parse(second.json())).toEqual(first);
    const other = UploadedAudio.parse(
      (await upload(test, recordings.ogg('hejdå'), 'audio/ogg')).json(),
    );
    expect(other.id).not.toBe(first.id);
    expect(storedIds(test)).toEqual([first.id, other.id, 'test-phone'].sort());
  });

  it.each([
    ['a WAV file', 'audio/wav'],
    ['a video', 'video/mp4'],
    ['a picture', 'image/png'],
    ['text', 'text/plain'],
    ['JSON', 'application/json'],
  ])('answers 415 to %s, naming the formats it takes', async (_what, contentType) => {
    const test = await startTestApp();
    const body =
      contentType === 'application/json' ? '{"audio":1}' : recordings.ogg().toString('latin1');
    const response = await upload(test, body, contentType);
    expect(response.statusCode).toBe(415);
    expect(ApiProblem.parse(response.json()).message).toBe(UNSUPPORTED_RECORDING);
    expect(storedIds(test)).toEqual(['test-phone']);
  });

  it('answers 413 to a recording over 5 MB, and stores nothing', async () => {
    const test = await startTestApp();
    const large = Buffer.concat([recordings.ogg(), Buffer.alloc(UPLOAD_AUDIO_MAX_BYTES, 1)]);
    const response = await upload(test, large, 'audio/ogg');
    expect(response.statusCode).toBe(413);
    expect(ApiProblem.parse(response.json()).message).toBe(RECORDING_TOO_LARGE);
    expect(storedIds(test)).toEqual(['test-phone']);
  });

  it('takes a recording of exactly 5 MB', async () => {
    const test = await startTestApp();
    const ogg = recordings.ogg();
    const largest = Buffer.concat([ogg, Buffer.alloc(UPLOAD_AUDIO_MAX_BYTES - ogg.length, 1)]);
    expect((await upload(test, largest, 'audio/ogg')).statusCode).toBe(201);
  });

  it.each([
    ['words called an MP3', Buffer.from('This is a letter, not a recording.'), 'audio/mpeg'],
    ['an Ogg recording called an MP3', recordings.ogg(), 'audio/mpeg'],
    ['an MP3 called an M4A', recordings.mp3WithTag(), 'audio/x-m4a'],
    ['raw AAC (ADTS), not in an M4A', Buffer.from([0xff, 0xf1, 0x50, 0x80, 0, 0x1f]), 'audio/aac'],
    [
      'a PNG called WebM',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      'audio/webm',
    ],
    ['a PDF of no known type', Buffer.from('%PDF-1.7'), 'application/octet-stream'],
    ['nothing at all', Buffer.alloc(0), 'audio/ogg'],
  ])('answers 422 to %s, never 500', async (_what, body, contentType) => {
    const test = await startTestApp();
    const response = await upload(test, body, contentType);
    expect(response.statusCode).toBe(422);
    expect(ApiProblem.parse(response.json()).message).toBe(UNREADABLE_RECORDING);
    expect(storedIds(test)).toEqual(['test-phone']);
  });

  it('is for editors: 401 without a login, 403 for desk staff', async () => {
    const test = await startTestApp();
    const anonymous = await test.app.inject({
      method: 'POST',
      url: URL,
      headers: { ...SAME_ORIGIN, 'content-type': 'audio/ogg' },
      payload: recordings.ogg(),
    });
    expect(anonymous.statusCode).toBe(401);
    const desk = await logInStaff(test.db, 'staff');
    const staff = await test.app.inject({
      method: 'POST',
      url: URL,
      headers: { ...desk.headers, 'content-type': 'audio/ogg' },
      payload: recordings.ogg(),
    });
    expect(staff.statusCode).toBe(403);
    const admin = await logInStaff(test.db, 'admin');
    const byAdmin = await test.app.inject({
      method: 'POST',
      url: URL,
      headers: { ...admin.headers, 'content-type': 'audio/ogg' },
      payload: recordings.ogg(),
    });
    expect(byAdmin.statusCode).toBe(201);
  });
});

describe('GET /api/images/:id with a recording', () => {
  async function uploaded(test: TestApp, bytes: Buffer, contentType: string) {
    return UploadedAudio.parse((await upload(test, bytes, contentType)).json());
  }

  it('serves it back with its type, cached for good at its versioned address', async () => {
    const test = await startTestApp();
    const bytes = recordings.m4a('a minute of speech');
    const clip = await uploaded(test, bytes, 'audio/x-m4a');
    const response = await test.app.inject(`/api/images/${clip.id}?v=${clip.sha256}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('audio/mp4');
    expect(response.headers['content-length']).toBe(String(bytes.length));
    expect(response.headers['accept-ranges']).toBe('bytes');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.rawPayload.equals(bytes)).toBe(true);
  });

  it('is not compressed, even for a client that accepts brotli', async () => {
    const test = await startTestApp();
    const bytes = recordings.ogg('x'.repeat(4000));
    const clip = await uploaded(test, bytes, 'audio/ogg');
    const response = await test.app.inject({
      url: `/api/images/${clip.id}`,
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.rawPayload.equals(bytes)).toBe(true);
  });

  it('answers a byte range with 206, the way <audio> asks while it plays and seeks', async () => {
    const test = await startTestApp();
    const bytes = recordings.webm('0123456789');
    const clip = await uploaded(test, bytes, 'audio/webm');
    const url = `/api/images/${clip.id}`;
    const total = bytes.length;

    const first = await test.app.inject({ url, headers: { range: 'bytes=0-3' } });
    expect(first.statusCode).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-3/${total}`);
    expect(first.headers['content-type']).toBe('audio/webm');
    expect(first.rawPayload.equals(bytes.subarray(0, 4))).toBe(true);

    const rest = await test.app.inject({ url, headers: { range: 'bytes=5-' } });
    expect(rest.statusCode).toBe(206);
    expect(rest.headers['content-range']).toBe(`bytes 5-${total - 1}/${total}`);
    expect(rest.rawPayload.equals(bytes.subarray(5))).toBe(true);

    const last = await test.app.inject({ url, headers: { range: 'bytes=-4' } });
    expect(last.rawPayload.equals(bytes.subarray(total - 4))).toBe(true);

    const beyond = await test.app.inject({ url, headers: { range: `bytes=${total}-` } });
    expect(beyond.statusCode).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${total}`);

    // Several ranges, or a range of an older version (If-Range): the whole file.
    const several = await test.app.inject({ url, headers: { range: 'bytes=0-1,4-5' } });
    expect(several.statusCode).toBe(200);
    expect(several.rawPayload.equals(bytes)).toBe(true);
    const older = await test.app.inject({
      url,
      headers: { range: 'bytes=0-3', 'if-range': '"not-this-version"' },
    });
    expect(older.statusCode).toBe(200);
    const same = await test.app.inject({
      url,
      headers: { range: 'bytes=0-3', 'if-range': `"${clip.sha256}"` },
    });
    expect(same.statusCode).toBe(206);
  });

  it('serves pictures whole, as before', async () => {
    const test = await startTestApp();
    const response = await test.app.inject({
      url: '/api/images/test-phone',
      headers: { range: 'bytes=0-3' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml');
    expect(response.headers['accept-ranges']).toBeUndefined();
  });
});
