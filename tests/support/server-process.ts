/**
 * The real Lotsen server as a child process, so a test can kill it hard
 * (SIGKILL, as a power cut would) and start it again on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  if (address === null || typeof address === 'string') throw new Error('No free port.');
  return address.port;
}

export class ServerProcess {
  #child: ChildProcess | undefined;
  readonly origin: string;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.origin = `http://127.0.0.1:${port}`;
  }

  /** The running server's process id (e.g. to read its memory in /proc); undefined when not started. */
  get pid(): number | undefined {
    const child = this.#child;
    return child && child.exitCode === null ? child.pid : undefined;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', process.env.LOTSEN_TEST_SERVER_LOG ? 'inherit' : 'ignore', 'inherit'],
    });
    this.#child = child;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}.`);
      try {
        if ((await fetch(`${this.origin}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('The server did not start within 30 s.');
  }

  /** Kills the server without warning: no graceful close, no flush. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** A graceful stop (SIGTERM); after 10 s it warns and kills, so a slow shutdown cannot hang a test run. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<boolean>((resolve) =>
      child.once('exit', () => {
        resolve(true);
      }),
    );
    child.kill('SIGTERM');
    const timedOut = new Promise<boolean>((resolve) =>
      setTimeout(() => {
        resolve(false);
      }, 10_000).unref(),
    );
    if (!(await Promise.race([exited, timedOut]))) {
      console.warn(`The server (pid ${child.pid}) had not closed 10 s after SIGTERM; killing it.`);
      child.kill('SIGKILL');
      await exited;
    }
  }
}
