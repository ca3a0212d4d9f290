import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RequestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
) => Promise<void> | void;

export interface LoopbackServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 with a free port. A handler that throws answers 500 with the error text, so a bug in a
 * stand-in shows up in the test instead of hanging the client.
 */
export async function startLoopbackServer(handler: RequestHandler): Promise<LoopbackServer> {
  const server = createServer((req, res) => {
    void readBody(req)
      .then((body) => handler(req, res, body))
      .catch((error: unknown) => {
        if (res.headersSent || res.destroyed) return;
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(
          `stand-in server error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
