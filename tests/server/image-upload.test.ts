import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../src/shared/api/contract.ts';
import {
  GUIDE_EDITING_API,
  UPLOAD_IMAGE_MAX_BYTES,
  UploadedImage,
} from '../../src/shared/api/guide-editing.ts';
import { sha256Hex } from '../../src/server/content/sha256.ts';
import {
  PICTURE_TOO_LARGE,
  UNREADABLE_PICTURE,
  UNSUPPORTED_PICTURE,
} from '../../src/server/images/image-upload-routes.ts';
import { startTestApp, type TestApp } from './helpers.ts';
import { logInStaff, SAME_ORIGIN } from './staff-and-tablets.ts';

const URL = GUIDE_EDITING_API.uploadImage.path;

async function editorUpload(test: TestApp, body: Buffer | string, contentType: string) {
  const editor = await logInStaff(test.db, 'editor');
  return test.app.inject({
    method: 'POST',
    url: URL,
    headers: { ...editor.headers, 'content-type': contentType },
    payload: body,
  });
}

const blank = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#12355b' } });

/** A phone photo: landscape pixels, EXIF saying "turn me upright", and private details. */
const phonePhoto = () =>
  blank(2400, 1200)
    .withExif({
      IFD0: { Copyright: 'Anna Andersson', ImageDescription: 'Taken at Storgatan 12, Lund' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();

function storedRows(test: TestApp) {
  return test.db
    .prepare<[], { id: string; mime_type: string; sha256: string; bytes: Buffer }>(
      'SELECT id, mime_type, sha256, bytes FROM guide_images ORDER BY id',
    )
    .all();
}

describe('POST /api/admin/images', () => {
  it('turns a phone photo upright, fits it into 1600 px, strips EXIF and stores WebP', async () => {
    const test = await startTestApp();
    const photo = await phonePhoto();
    expect(photo.includes('Storgatan')).toBe(true);

    const response = await editorUpload(test, photo, 'image/jpeg');
    expect(response.statusCode).toBe(201);
    const uploaded = UploadedImage.parse(response.json());
    // Orientation 6 turns 2400 x 1200 into 1200 x 2400; scaled to fit 1600 that is 800 x 1600.
    expect(uploaded).toMatchObject({ mimeType: 'image/webp', width: 800, height: 1600 });

    const stored = storedRows(test).find((row) => row.id === uploaded.id);
    expect(stored?.mime_type).toBe('image/webp');
    expect(stored?.sha256).toBe(uploaded.sha256);
    expect(sha256Hex(stored?.bytes ?? Buffer.alloc(0))).toBe(uploaded.sha256);
    expect(uploaded.id).toBe(`img-${uploaded.sha256.slice(0, 16)}`);
    expect(uploaded.size).toBe(stored?.bytes.length);

    const metadata = await sharp(stored?.bytes).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 800, height: 1600 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(stored?.bytes.includes('Storgatan')).toBe(false);
    expect(stored?.bytes.includes('Andersson')).toBe(false);

    // Tablets can fetch it like any other picture.
    const served = await test.app.inject(`/api/images/${uploaded.id}?v=${uploaded.sha256}`);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.rawPayload.equals(stored?.bytes ?? Buffer.alloc(0))).toBe(true);
  });

  it('scales a large PNG screenshot down and leaves a small one its size', async () => {
    const test = await startTestApp();
    const large = await editorUpload(test, await blank(3200, 2000).png().toBuffer(), 'image/png');
    expect(UploadedImage.parse(large.json())).toMatchObject({ width: 1600, height: 1000 });

    const small = await editorUpload(test, await blank(300, 200).png().toBuffer(), 'image/png');
    expect(UploadedImage.parse(small.json())).toMatchObject({ width: 300, height: 200 });
  });

  it('stores the same picture once', async () => {
    const test = await startTestApp();
    const png = await blank(400, 300).png().toBuffer();
    const first = UploadedImage.parse((await editorUpload(test, png, 'image/png')).json());
    const second = UploadedImage.parse((await editorUpload(test, png, 'image/png')).json());
    expect(second).toEqual(first);
    expect(storedRows(test).filter((row) => row.id === first.id)).toHaveLength(1);
  });

  it('draws an SVG into pixels, so nothing in it can run on a tablet', async () => {
    const test = await startTestApp();
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200">' +
      '<script>alert("hi")</script><rect width="300" height="200" fill="#c00"/></svg>';
    const response = await editorUpload(test, svg, 'image/svg+xml');
    expect(response.statusCode).toBe(201);
    const uploaded = UploadedImage.parse(response.json());
    expect(uploaded).toMatchObject({ mimeType: 'image/webp', width: 300, height: 200 });
    const stored = storedRows(test).find((row) => row.id === uploaded.id);
    expect(stored?.bytes.includes('script')).toBe(false);
    expect((await sharp(stored?.bytes).metadata()).format).toBe('webp');
  });

  it.each([
    ['a TIFF', 'image/tiff'],
    ['a PDF', 'application/pdf'],
    ['text', 'text/plain'],
    ['JSON', 'application/json'],
  ])('answers 415 to %s, naming the formats it takes', async (_what, contentType) => {
    const test = await startTestApp();
    const body = contentType === 'application/json' ? '{"picture":1}' : 'not a picture';
    const response = await editorUpload(test, body, contentType);
    expect(response.statusCode).toBe(415);
    expect(ApiProblem.parse(response.json()).message).toBe(UNSUPPORTED_PICTURE);
    expect(storedRows(test).map((row) => row.id)).toEqual(['test-phone']);
  });

  it('answers 413 to a file over the limit, and stores nothing', async () => {
    const test = await startTestApp();
    const response = await editorUpload(
      test,
      Buffer.alloc(UPLOAD_IMAGE_MAX_BYTES + 1, 1),
      'image/png',
    );
    expect(response.statusCode).toBe(413);
    expect(ApiProblem.parse(response.json()).message).toBe(PICTURE_TOO_LARGE);
    expect(storedRows(test).map((row) => row.id)).toEqual(['test-phone']);
  });

  it.each([
    ['words called a PNG', () => Promise.resolve(Buffer.from('This is a letter, not a picture.'))],
    ['a PNG cut in half', async () => (await blank(400, 300).png().toBuffer()).subarray(0, 200)],
    ['a format Lotsen does not take, called a PNG', async () => blank(40, 30).tiff().toBuffer()],
    ['nothing at all', () => Promise.resolve(Buffer.alloc(0))],
  ])('answers 422 to %s, never 500', async (_what, makeBody) => {
    const test = await startTestApp();
    const response = await editorUpload(test, await makeBody(), 'image/png');
    expect(response.statusCode).toBe(422);
    expect(ApiProblem.parse(response.json()).message).toBe(UNREADABLE_PICTURE);
    expect(storedRows(test).map((row) => row.id)).toEqual(['test-phone']);
  });

  it('is for editors: 401 without a login, 403 for desk staff', async () => {
    const test = await startTestApp();
    const png = await blank(40, 30).png().toBuffer();
    const anonymous = await test.app.inject({
      method: 'POST',
      url: URL,
      headers: { ...SAME_ORIGIN, 'content-type': 'image/png' },
      payload: png,
    });
    expect(anonymous.statusCode).toBe(401);
    const desk = await logInStaff(test.db, 'staff');
    const staff = await test.app.inject({
      method: 'POST',
      url: URL,
      headers: { ...desk.headers, 'content-type': 'image/png' },
      payload: png,
    });
    expect(staff.statusCode).toBe(403);
    expect(storedRows(test).map((row) => row.id)).toEqual(['test-phone']);
  });
});
