import { connect, createServer, type Socket } from 'node:net';

/** A running {@link startTcpProxy}. */
export interface TcpProxy {
  port: number;
  /** Where new connections go (open ones stay where they are, as behind a load balancer). */
  setTarget(port: number): void;
  /** Delays every chunk in both directions by this many ms, keeping their order (0: none). */
  setDelayMs(delayMs: number): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback for fault tests: it can route new connections to another port (a
 * load balancer whose routing changed) and delay every chunk (a slow network or a slow Redis)
 * while keeping the byte order of each direction.
 */
export function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let target = targetPort;
  let delayMs = 0;
  const sockets = new Set<Socket>();

  /** Forwards `from` to `to`, each chunk after the delay in force when it arrived. */
  function forward(from: Socket, to: Socket): void {
    // One queue per direction drained by one timer: order matters more than the exact delay.
    const queue: { due: number; chunk: Buffer }[] = [];
    let timer: NodeJS.Timeout | undefined;
    const drain = () => {
      timer = undefined;
      while (queue.length > 0 && queue[0]!.due <= Date.now()) {
        const { chunk } = queue.shift()!;
        if (!to.destroyed) to.write(chunk);
      }
      if (queue.length > 0) timer = setTimeout(drain, queue[0]!.due - Date.now());
    };
    from.on('data', (chunk: Buffer) => {
      if (delayMs === 0 && queue.length === 0) {
        to.write(chunk);
        return;
      }
      queue.push({ due: Date.now() + delayMs, chunk });
      timer ??= setTimeout(drain, delayMs);
    });
    from.on('close', () => clearTimeout(timer));
  }

  const server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    forward(client, upstream);
    forward(upstream, client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        setTarget(port) {
          target = port;
        },
        setDelayMs(ms) {
          delayMs = ms;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
