import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ContentRelease, Health } from '../../src/shared/api/contract.ts';
import { startServer } from '../../src/server/start-server.ts';
import { makeTempDir, testConfig } from './helpers.ts';

interface Answer {
  status: number | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET over HTTPS, trusting the test's self-signed certificate. */
function getInsecure(url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(url, { rejectUnauthorized: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode, headers: response.headers, body });
      });
    });
    request.on('error', reject);
    request.end();
  });
}

describe('startServer', () => {
  it('listens on plain HTTP, seeds the database, and closes it', async () => {
    const dir = await makeTempDir();
    const server = await startServer(testConfig(dir, { PORT: '0' }));
    onTestFinished(() => server.close());
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const response = await fetch(`${server.url}/api/content`);
    expect(response.status).toBe(200);
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(ContentRelease.parse(await response.json()).release).toBe(1);

    await server.close();
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });

  it('serves HTTPS directly when given a certificate and key', async () => {
    const dir = await makeTempDir();
    const certFile = join(dir, 'cert.pem');
    const keyFile = join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=localhost',
        '-days',
        '1',
      ].concat(['-keyout', keyFile, '-out', certFile]),
      { stdio: 'ignore' },
    );
    const server = await startServer(
      testConfig(dir, { PORT: '0', TLS_CERT_FILE: certFile, TLS_KEY_FILE: keyFile }),
    );
    onTestFinished(() => server.close());
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);

    const answer = await getInsecure(`${server.url}/api/health`);
    expect(answer.status).toBe(200);
    expect(Health.parse(JSON.parse(answer.body)).status).toBe('ok');
    expect(answer.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('closes even when a client connected and never sent a request', async () => {
    const server = await startServer(testConfig(await makeTempDir(), { PORT: '0' }));
    const { port } = new URL(server.url);
    const silent = connect(Number(port), '127.0.0.1');
    silent.on('error', () => undefined);
    await new Promise((resolve) => silent.once('connect', resolve));

    const started = Date.now();
    await server.close(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    silent.destroy();
  });

  it('says which TLS file it could not read', async () => {
    const dir = await makeTempDir();
    const config = testConfig(dir, {
      PORT: '0',
      TLS_CERT_FILE: join(dir, 'missing-cert.pem'),
      TLS_KEY_FILE: join(dir, 'missing-key.pem'),
    });
    await expect(startServer(config)).rejects.toThrow(
      /Could not read TLS_CERT_FILE \(.*missing-cert\.pem\)/,
    );
  });

  it('fails clearly and releases the database when the port is taken', async () => {
    const first = await startServer(testConfig(await makeTempDir(), { PORT: '0' }));
    onTestFinished(() => first.close());
    const port = new URL(first.url).port;
    const dir = await makeTempDir();
    await expect(startServer(testConfig(dir, { PORT: port }))).rejects.toThrow(/EADDRINUSE/);
    // SQLite removes the WAL file when the last connection closes: nothing was left open.
    expect(existsSync(join(dir, 'data', 'lotsen.sqlite'))).toBe(true);
    expect(existsSync(join(dir, 'data', 'lotsen.sqlite-wal'))).toBe(false);
  });
});
