/**
 * What the command line works with, passed in rather than taken from
 * `process`, so tests run the real commands with fake streams.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Environment } from '../config.ts';

export interface CliIo {
  stdin: AsyncIterable<string | Buffer> & { isTTY?: boolean };
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Environment;
  /** Where relative paths (DATA_DIR) are resolved; the process's working directory by default. */
  cwd?: string;
}

/** The command was called wrongly: exit code 2, with a pointer to `lotsen help`. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command was right but could not be done (e.g. the email is taken): exit code 1. */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into UsageErrors. */
export function parseCommandArgs<const T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/** All of stdin as text, minus one trailing line break (from `echo` or a here-string). */
export async function readAllStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
