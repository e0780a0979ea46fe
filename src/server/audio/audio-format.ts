/**
 * Recognises a read-aloud recording by its first bytes. The server stores
 * recordings as uploaded and never decodes them, but tablets are told the
 * type: a file that is not what it says must not get through.
 */
import type { AUDIO_TYPES } from '../../shared/api/contract.ts';
import { sha256Hex } from '../content/sha256.ts';

export type AudioType = (typeof AUDIO_TYPES)[number];

const startsWith = (bytes: Buffer, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length &&
  signature.every((byte, index) => bytes[at + index] === byte);

const ascii = (text: string) => [...Buffer.from(text, 'latin1')];

/**
 * An MP3 frame header: eleven set bits (0xFFE…), then a layer that is not 00.
 * Layer 00 is ADTS, raw AAC, which tablets cannot all play on its own.
 */
function isMpegFrame(bytes: Buffer): boolean {
  const [first = 0, second = 0] = bytes;
  return first === 0xff && (second & 0xe0) === 0xe0 && (second & 0x06) !== 0;
}

/** The recording's type from its bytes; undefined when it is none Lotsen stores. */
export function sniffAudioType(bytes: Buffer): AudioType | undefined {
  if (startsWith(bytes, ascii('ID3')) || isMpegFrame(bytes)) return 'audio/mpeg';
  // MP4 and M4A: a box whose type is "ftyp" comes first, after its 4-byte size.
  if (startsWith(bytes, ascii('ftyp'), 4)) return 'audio/mp4';
  if (startsWith(bytes, ascii('OggS'))) return 'audio/ogg';
  // WebM is Matroska: an EBML header.
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'audio/webm';
  return undefined;
}

/** What an upload's Content-Type says the file is, in the names Lotsen stores. */
export function declaredAudioType(contentType: string | undefined): AudioType | 'unknown' {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  switch (type) {
    case 'audio/mpeg':
    case 'audio/mp3':
      return 'audio/mpeg';
    // Some systems call every .m4a file "audio/aac": only MP4 bytes are taken.
    case 'audio/mp4':
    case 'audio/x-m4a':
    case 'audio/m4a':
    case 'audio/aac':
      return 'audio/mp4';
    case 'audio/ogg':
      return 'audio/ogg';
    case 'audio/webm':
      return 'audio/webm';
    default:
      // A browser that does not know the file's type sends application/octet-stream.
      return 'unknown';
  }
}

/** Ids name the bytes, so the same recording uploaded twice is stored once. */
export const recordingId = (sha256: string) => `aud-${sha256.slice(0, 16)}`;

export interface StoredRecording {
  id: string;
  mimeType: AudioType;
  sha256: string;
  bytes: Buffer;
}

/**
 * The recording as it is stored; undefined when its bytes are no recording
 * Lotsen takes or not of the type the upload said.
 */
export function readRecording(
  bytes: Buffer,
  declared: AudioType | 'unknown',
): StoredRecording | undefined {
  const sniffed = sniffAudioType(bytes);
  if (sniffed === undefined || (declared !== 'unknown' && declared !== sniffed)) return undefined;
  const sha256 = sha256Hex(bytes);
  return { id: recordingId(sha256), mimeType: sniffed, sha256, bytes };
}
