/**
 * Reads a guide pack and works out what importing it would do, without
 * changing anything. A pack with any problem is refused whole, with every
 * problem listed, so the librarian can send the exporting library one list.
 */
import {
  GuidePack,
  type PackGuideReport,
  type PackImage,
  type PackImport,
} from '../../shared/api/guide-packs.ts';
import { GuideDraft } from '../../shared/content/guide-draft.ts';
import { describeProblems, type Guide } from '../../shared/content/guide.ts';
import { languageByCode, SOURCE_LANGUAGE, type LanguageCode } from '../../shared/languages.ts';
import { sniffAudioType } from '../audio/audio-format.ts';
import { sha256Hex } from '../content/sha256.ts';
import type { Database } from '../database/open-database.ts';

/** A picture or recording the import stores, under the id it gets here. */
export interface PlannedImage {
  id: string;
  mimeType: PackImage['mimeType'];
  sha256: string;
  bytes: Buffer;
}

export interface PackPlan {
  pack: GuidePack;
  /** The pack's guides, with references to renamed pictures and recordings rewritten. */
  guides: { draft: GuideDraft; report: PackGuideReport }[];
  /** Pictures and recordings that are not here yet. */
  newImages: PlannedImage[];
  images: PackImport['images'];
}

export type PackCheck = { ok: true; plan: PackPlan } | { ok: false; problems: string[] };

const MAX_SLUG_LENGTH = 80;
/** A pack broken everywhere would otherwise list thousands of lines. */
const MAX_PROBLEMS_LISTED = 200;

function refused(problems: string[]): PackCheck {
  const listed = problems.slice(0, MAX_PROBLEMS_LISTED);
  const more = problems.length - listed.length;
  return {
    ok: false,
    problems: more > 0 ? [...listed, `… and ${more} more problems.`] : listed,
  };
}

/** JSON with object keys sorted, so two documents that mean the same compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : item,
  );
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(ids.filter((id) => seen.size === seen.add(id).size))];
}

/** Whether the bytes start the way a file of that type must (PNG, JPEG, WebP, audio signatures; SVG markup). */
function bytesAreOfType(bytes: Buffer, mimeType: PackImage['mimeType']): boolean {
  switch (mimeType) {
    case 'image/png':
      return bytes
        .subarray(0, 8)
        .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/jpeg':
      return bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]));
    case 'image/webp':
      return (
        bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
        bytes.subarray(8, 12).toString('latin1') === 'WEBP'
      );
    case 'image/svg+xml':
      return /^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(
        bytes.subarray(0, 4096).toString('utf8'),
      );
    case 'audio/mpeg':
    case 'audio/mp4':
    case 'audio/ogg':
    case 'audio/webm':
      return sniffAudioType(bytes) === mimeType;
  }
}

/** What the librarian calls a pack file: "picture" or "recording". */
const kindOf = (image: PackImage) =>
  image.mimeType.startsWith('audio/') ? 'recording' : 'picture';

/** Everything wrong with a pack that parsed: damaged pictures, missing pictures, repeated ids. */
function packProblems(pack: GuidePack): string[] {
  const problems: string[] = [];
  for (const id of duplicates(pack.guides.map((guide) => guide.id))) {
    problems.push(`The guide "${id}" is in the pack more than once.`);
  }
  for (const id of duplicates(pack.images.map((image) => image.id))) {
    const kind = pack.images.some((image) => image.id === id && kindOf(image) === 'recording')
      ? 'recording'
      : 'picture';
    problems.push(`The ${kind} "${id}" is in the pack more than once.`);
  }
  pack.images.forEach((image, index) => {
    const bytes = Buffer.from(image.data, 'base64');
    if (sha256Hex(bytes) !== image.sha256) {
      problems.push(
        `images[${index}]: The ${kindOf(image)} "${image.id}" does not match its sha256: the file was damaged or changed after it was exported.`,
      );
    } else if (!bytesAreOfType(bytes, image.mimeType)) {
      // Tablets are told the type: a file that is not what it says must not get through.
      problems.push(
        `images[${index}]: The ${kindOf(image)} "${image.id}" says it is ${image.mimeType}, but its bytes are not. Export the pack again from a Lotsen.`,
      );
    }
  });
  const inPack = new Map(pack.images.map((image) => [image.id, image]));
  const isKind = (id: string, kind: 'image/' | 'audio/') =>
    inPack.get(id)?.mimeType.startsWith(kind) === true;
  for (const guide of pack.guides) {
    guide.steps.forEach((step, index) => {
      const where = `The guide "${guide.id}", step ${index + 1},`;
      if (step.image && !isKind(step.image.id, 'image/')) {
        problems.push(`${where} shows the picture "${step.image.id}", which is not in the pack.`);
      }
      for (const [code, words] of Object.entries(step.text)) {
        if (words.audio && !isKind(words.audio.id, 'audio/')) {
          const language = languageByCode(code as LanguageCode).englishName;
          problems.push(
            `${where} plays the ${language} recording "${words.audio.id}", which is not in the pack.`,
          );
        }
      }
    });
  }
  return problems;
}

/**
 * Where a pack picture or recording goes here: its own id when that is free or holds the
 * same bytes, otherwise the id with part of its hash added.
 */
function placeImage(
  db: Database,
  image: PackImage,
  planned: ReadonlyMap<string, string>,
): { id: string; alreadyHere: boolean } {
  const storedSha = db
    .prepare<[string], string>('SELECT sha256 FROM guide_images WHERE id = ?')
    .pluck();
  for (const length of [0, 8, 16, 64]) {
    const suffix = length === 0 ? '' : `-${image.sha256.slice(0, length)}`;
    const id = `${image.id.slice(0, MAX_SLUG_LENGTH - suffix.length)}${suffix}`;
    // Files placed earlier in this pack count as here already.
    const sha = planned.get(id) ?? storedSha.get(id);
    if (sha === undefined) return { id, alreadyHere: false };
    if (sha === image.sha256) return { id, alreadyHere: true };
  }
  // 64 hex digits of one hash cannot name other bytes.
  throw new Error(`No free id for the picture "${image.id}".`);
}

/** The guide with its references to renamed pictures and recordings rewritten. */
function withImageIds(guide: Guide, renamed: ReadonlyMap<string, string>): Guide {
  const rename = (id: string) => renamed.get(id) ?? id;
  return {
    ...guide,
    steps: guide.steps.map((step) => ({
      ...step,
      ...(step.image ? { image: { ...step.image, id: rename(step.image.id) } } : {}),
      text: Object.fromEntries(
        Object.entries(step.text).map(([language, words]) => [
          language,
          words.audio ? { ...words, audio: { id: rename(words.audio.id) } } : words,
        ]),
      ),
    })),
  };
}

function planGuide(db: Database, guide: Guide): PackPlan['guides'][number] {
  // A published guide is a complete draft; parsing fills in what a draft has that a guide may not.
  const draft = GuideDraft.parse(guide);
  const stored = db
    .prepare<[string], string>('SELECT document FROM guide_drafts WHERE guide_id = ?')
    .pluck()
    .get(guide.id);
  const action =
    stored === undefined
      ? 'add'
      : canonicalJson(GuideDraft.parse(JSON.parse(stored))) === canonicalJson(draft)
        ? 'unchanged'
        : 'overwrite';
  return {
    draft,
    report: {
      id: guide.id,
      title: guide.text[SOURCE_LANGUAGE]?.title ?? guide.id,
      action,
      languages: Object.keys(guide.text),
    },
  };
}

/**
 * Checks `body` (the pack file's text) against the schema and itself, and
 * plans the import against this database. Run it inside the transaction that
 * applies the plan, so nothing can change in between.
 */
export function checkPack(db: Database, body: string): PackCheck {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? ` (${error.message})` : '';
    return refused([`The file is not a Lotsen guide pack: it is not readable JSON${reason}.`]);
  }
  const parsed = GuidePack.safeParse(json);
  if (!parsed.success) return refused(describeProblems(parsed.error).split('\n'));
  const pack = parsed.data;
  const problems = packProblems(pack);
  if (problems.length > 0) return refused(problems);

  const renamed = new Map<string, string>();
  const planned = new Map<string, string>();
  const newImages: PlannedImage[] = [];
  let alreadyHere = 0;
  for (const image of pack.images) {
    const place = placeImage(db, image, planned);
    if (place.id !== image.id) renamed.set(image.id, place.id);
    if (place.alreadyHere) alreadyHere += 1;
    else {
      planned.set(place.id, image.sha256);
      newImages.push({
        id: place.id,
        mimeType: image.mimeType,
        sha256: image.sha256,
        bytes: Buffer.from(image.data, 'base64'),
      });
    }
  }
  return {
    ok: true,
    plan: {
      pack,
      guides: pack.guides.map((guide) => planGuide(db, withImageIds(guide, renamed))),
      newImages,
      images: {
        added: newImages.length,
        alreadyHere,
        renamed: [...renamed].map(([from, to]) => ({ from, to })),
      },
    },
  };
}
