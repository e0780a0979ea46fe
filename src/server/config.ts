/**
 * The server's settings, read from environment variables once at start.
 * Every bad value is reported at once, by variable name, so whoever runs the
 * library's server can fix them all in one go.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { HELP_CALL_HEARTBEAT_INTERVAL_MS } from '../shared/api/help-calls.ts';
import { describeProblems } from '../shared/content/guide.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Files to serve HTTPS with directly; null when plain HTTP (e.g. behind a TLS proxy). */
export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

/**
 * Fastify's `trustProxy`: false, true (trust whoever connects), or a
 * comma-separated list of the proxies' addresses/subnets. Fastify refuses
 * hop counts: they let a client that reaches the server directly spoof
 * X-Forwarded-For, so they are rejected here too.
 */
export type TrustProxy = boolean | string;

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path of the folder that holds lotsen.sqlite. */
  dataDir: string;
  tls: TlsFiles | null;
  trustProxy: TrustProxy;
  logLevel: LogLevel;
  /** Absolute path of the built PWA (vite build output). */
  clientDir: string;
  /** How many help calls one tablet may send per minute; raised for load tests. */
  helpCallRateLimitPerMinute: number;
  /**
   * How often the staff event stream sends a heartbeat event, so proxies keep
   * a quiet connection open and staff screens notice a dead one. Not an
   * environment variable: staff screens expect the shared interval; tests
   * shorten it.
   */
  eventStreamHeartbeatMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Environment = Record<string, string | undefined>;

const Port = z
  .string()
  .regex(/^\d{1,5}$/, 'Use a whole number from 0 to 65535, e.g. 8080.')
  .transform(Number)
  .refine((port) => port <= 65535, 'Use a whole number from 0 to 65535, e.g. 8080.')
  .default(8080);

/** proxy-addr's names for whole address ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (rest.length > 0 || family === 0) return false;
  return (
    prefix === undefined ||
    (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128))
  );
}

const TrustProxySetting = z
  .string()
  .transform((value, context): TrustProxy => {
    const setting = value.trim().toLowerCase();
    if (setting === 'true') return true;
    if (setting === 'false') return false;
    if (/^\d+$/.test(setting)) {
      context.addIssue({
        code: 'custom',
        message:
          'A number of proxy hops is not safe (a direct client could fake its address). ' +
          'Give the proxy\'s address instead, e.g. "127.0.0.1", or true if only the proxy can reach this server.',
      });
      return z.NEVER;
    }
    const entries = setting.split(',').map((entry) => entry.trim());
    const wrong = entries.filter((entry) => !isProxyAddress(entry));
    if (wrong.length > 0) {
      context.addIssue({
        code: 'custom',
        message:
          `Not an address or subnet: ${wrong.join(', ')}. Use true, false, ` +
          'or a comma-separated list such as "127.0.0.1,10.0.0.0/8".',
      });
      return z.NEVER;
    }
    return entries.join(',');
  })
  .default(false);

const Settings = z
  .object({
    PORT: Port,
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().default('./data'),
    TLS_CERT_FILE: z.string().optional(),
    TLS_KEY_FILE: z.string().optional(),
    TRUST_PROXY: TrustProxySetting,
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { error: `Use one of: ${LOG_LEVELS.join(', ')}.` })
      .default('info'),
    CLIENT_DIR: z.string().default('dist/client'),
    HELP_CALL_RATE_LIMIT_PER_MINUTE: z
      .string()
      .regex(/^[1-9]\d{0,5}$/, 'Use a whole number from 1 to 999999, e.g. 20.')
      .transform(Number)
      .default(20),
  })
  .superRefine((env, context) => {
    // Half a TLS setup would silently serve plain HTTP; refuse instead.
    const missing = !env.TLS_CERT_FILE
      ? 'TLS_CERT_FILE'
      : !env.TLS_KEY_FILE
        ? 'TLS_KEY_FILE'
        : null;
    if ((env.TLS_CERT_FILE || env.TLS_KEY_FILE) && missing) {
      context.addIssue({
        code: 'custom',
        path: [missing],
        message:
          'Set both TLS_CERT_FILE and TLS_KEY_FILE to serve HTTPS, or neither to serve plain HTTP.',
      });
    }
  });

/**
 * Reads the settings from `env` (usually process.env). Relative paths are
 * resolved against `cwd`. Throws a ConfigError listing every bad variable.
 */
export function loadConfig(env: Environment, cwd: string = process.cwd()): ServerConfig {
  // An empty variable (`PORT=` in a compose file) means "not set", not "set to nothing".
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = Settings.safeParse(given);
  if (!parsed.success) {
    throw new ConfigError(`Lotsen's settings are wrong:\n${describeProblems(parsed.error)}`);
  }
  const settings = parsed.data;
  return {
    port: settings.PORT,
    host: settings.HOST,
    dataDir: resolve(cwd, settings.DATA_DIR),
    tls:
      settings.TLS_CERT_FILE && settings.TLS_KEY_FILE
        ? {
            certFile: resolve(cwd, settings.TLS_CERT_FILE),
            keyFile: resolve(cwd, settings.TLS_KEY_FILE),
          }
        : null,
    trustProxy: settings.TRUST_PROXY,
    logLevel: settings.LOG_LEVEL,
    clientDir: resolve(cwd, settings.CLIENT_DIR),
    helpCallRateLimitPerMinute: settings.HELP_CALL_RATE_LIMIT_PER_MINUTE,
    eventStreamHeartbeatMs: HELP_CALL_HEARTBEAT_INTERVAL_MS,
  };
}
