import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.ts';

const configError = (env: Record<string, string>) => {
  try {
    loadConfig(env, '/srv/lotsen');
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('Expected a ConfigError');
};

describe('loadConfig', () => {
  it('has defaults that run a local server', () => {
    expect(loadConfig({}, '/srv/lotsen')).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/lotsen/data',
      tls: null,
      trustProxy: false,
      logLevel: 'info',
      clientDir: '/srv/lotsen/dist/client',
      helpCallRateLimitPerMinute: 20,
      eventStreamHeartbeatMs: 15_000,
    });
  });

  it('reads every setting, resolving paths against the working directory', () => {
    const config = loadConfig(
      {
        PORT: '443',
        HOST: '0.0.0.0',
        DATA_DIR: '/var/lib/lotsen',
        TLS_CERT_FILE: 'tls/cert.pem',
        TLS_KEY_FILE: '/etc/lotsen/key.pem',
        TRUST_PROXY: 'false',
        LOG_LEVEL: 'warn',
        CLIENT_DIR: 'public-app',
        HELP_CALL_RATE_LIMIT_PER_MINUTE: '5000',
      },
      '/srv/lotsen',
    );
    expect(config).toEqual({
      port: 443,
      host: '0.0.0.0',
      dataDir: '/var/lib/lotsen',
      tls: { certFile: '/srv/lotsen/tls/cert.pem', keyFile: '/etc/lotsen/key.pem' },
      trustProxy: false,
      logLevel: 'warn',
      clientDir: '/srv/lotsen/public-app',
      helpCallRateLimitPerMinute: 5000,
      eventStreamHeartbeatMs: 15_000,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', TLS_CERT_FILE: ' ' }, '/srv').port).toBe(8080);
  });

  it.each(['abc', '80.5', '-1', '70000', '8080x'])(
    'rejects PORT=%s with a readable message',
    (port) => {
      expect(configError({ PORT: port })).toMatch(/^PORT: Use a whole number from 0 to 65535/m);
    },
  );

  it('refuses half a TLS setup, naming the missing variable', () => {
    expect(configError({ TLS_CERT_FILE: 'cert.pem' })).toMatch(
      /^TLS_KEY_FILE: Set both TLS_CERT_FILE and TLS_KEY_FILE/m,
    );
    expect(configError({ TLS_KEY_FILE: 'key.pem' })).toMatch(/^TLS_CERT_FILE: Set both/m);
  });

  it('passes proxy addresses to Fastify but refuses hop counts and nonsense', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toBe(
      '127.0.0.1,10.0.0.0/8,::1',
    );
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    expect(configError({ TRUST_PROXY: '2' })).toMatch(
      /^TRUST_PROXY: A number of proxy hops is not safe/m,
    );
    expect(configError({ TRUST_PROXY: 'proxy.local' })).toMatch(
      /^TRUST_PROXY: Not an address or subnet: proxy\.local/m,
    );
    expect(configError({ TRUST_PROXY: '10.0.0.0/33' })).toMatch(/Not an address or subnet/);
  });

  it.each(['0', '-3', '2.5', 'many', '1000000'])(
    'rejects HELP_CALL_RATE_LIMIT_PER_MINUTE=%s with a readable message',
    (limit) => {
      expect(configError({ HELP_CALL_RATE_LIMIT_PER_MINUTE: limit })).toMatch(
        /^HELP_CALL_RATE_LIMIT_PER_MINUTE: Use a whole number from 1 to 999999/m,
      );
    },
  );

  it('lists every bad setting at once', () => {
    const message = configError({ PORT: 'http', LOG_LEVEL: 'loud' });
    expect(message).toMatch(/^Lotsen's settings are wrong:/);
    expect(message).toMatch(/^PORT: /m);
    expect(message).toMatch(
      /^LOG_LEVEL: Use one of: fatal, error, warn, info, debug, trace, silent\.$/m,
    );
  });
});
