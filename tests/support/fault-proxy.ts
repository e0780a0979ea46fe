/**
 * A TCP proxy that breaks connections the way a library's Wi-Fi does. Per
 * connection it either passes traffic through, drops the connection before
 * the request reaches the server, or lets the request through and resets
 * the connection when the answer comes back, so the server has committed
 * but the tablet never hears it. Only loopback addresses are used.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface FaultRates {
  /** Chance that a connection is cut before anything reaches the server. */
  dropBeforeRequest: number;
  /** Chance that the server's answer is thrown away and the connection reset. */
  resetAfterCommit: number;
}

export interface FaultCounts {
  connections: number;
  droppedBeforeRequest: number;
  resetAfterCommit: number;
  serverUnreachable: number;
}

export class FaultProxy {
  readonly counts: FaultCounts = {
    connections: 0,
    droppedBeforeRequest: 0,
    resetAfterCommit: 0,
    serverUnreachable: 0,
  };
  #server: Server | undefined;
  readonly #sockets = new Set<Socket>();

  constructor(
    private readonly upstreamPort: number,
    public rates: FaultRates,
    private readonly random: () => number = Math.random,
  ) {}

  async listen(): Promise<number> {
    const server = createServer((client) => {
      this.#handle(client);
    });
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('The proxy has no port.');
    return address.port;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    const server = this.#server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  }

  #track(socket: Socket): Socket {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('error', () => undefined); // resets are the point here
    return socket;
  }

  /**
   * Faults are rolled per request and per answer, not per connection: HTTP
   * keep-alive carries many requests over one connection.
   */
  #handle(client: Socket): void {
    this.#track(client);
    this.counts.connections += 1;
    const upstream = this.#track(connect(this.upstreamPort, '127.0.0.1'));
    const cut = () => {
      upstream.destroy();
      client.resetAndDestroy();
    };
    upstream.on('error', () => {
      this.counts.serverUnreachable += 1;
      client.resetAndDestroy();
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('data', (chunk: Buffer) => {
      if (this.random() < this.rates.dropBeforeRequest) {
        this.counts.droppedBeforeRequest += 1;
        cut();
      } else {
        upstream.write(chunk);
      }
    });
    // The first bytes of an answer prove the server handled the request: losing them now is
    // the worst case for exactly-once, a call stored on the server that the tablet never heard of.
    upstream.on('data', (chunk: Buffer) => {
      if (this.random() < this.rates.resetAfterCommit) {
        this.counts.resetAfterCommit += 1;
        cut();
      } else {
        client.write(chunk);
      }
    });
  }
}
