/**
 * One byte range of a Range header (RFC 9110 §14), for playing a recording
 * from its server address: some browsers (Safari) play <audio> only from a
 * server that answers ranges, and every browser seeks with them.
 */
export type ByteRange = { start: number; end: number } | 'unsatisfiable';

/**
 * The range asked for in `header` of a file of `size` bytes; undefined when
 * the whole file should be sent (no header, several ranges, a form not read
 * here: all allowed answers to a Range request).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return undefined;
  if (from === '') {
    // "bytes=-500": the last 500 bytes.
    const length = Number(to);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(from);
  if (start >= size) return 'unsatisfiable';
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (end < start) return undefined;
  return { start, end };
}
