import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DelayingProxy {
  /** Give this to the app as GITHUB_API_URL. */
  url: string;
  /** How long every request waits before it is passed on; change it between phases. */
  delayMs: number;
  /** Requests received so far (counted on arrival, before the delay). */
  readonly received: number;
  close(): Promise<void>;
}

/**
 * A loopback proxy in front of the GitHub stand-in that holds every request for `delayMs` before
 * passing it on: a GitHub that takes that long to answer each call, whatever the call.
 */
export async function startDelayingProxy(target: string): Promise<DelayingProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const waiting = new Set<NodeJS.Timeout>();
  let received = 0;
  const proxy = { delayMs: 0 };
  const server = createServer((req, res) => {
    received += 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const timer = setTimeout(() => {
        waiting.delete(timer);
        const onward = request(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: upstream.host },
            agent,
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        onward.on('error', () => {
          if (!res.headersSent) res.writeHead(502);
          res.end();
        });
        onward.end(Buffer.concat(chunks));
      }, proxy.delayMs);
      waiting.add(timer);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get delayMs() {
      return proxy.delayMs;
    },
    set delayMs(ms: number) {
      proxy.delayMs = ms;
    },
    get received() {
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of waiting) clearTimeout(timer);
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
