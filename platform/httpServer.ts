import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Admission, RequestGuard } from './trust/admission.js';
import { Refusal } from './trust/admission.js';

/**
 * The one HTTP layer of Rantau's GraphQL services (gateway, regional, countries): Apollo Server's
 * integration API over node:http, plus a few plain routes (`/health`, `/metrics`, assets).
 */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface ServeOptions<C extends BaseContext> {
  server: ApolloServer<C>;
  /** Builds the request's context from the caller the guard admitted (anonymous without a guard). */
  context: (req: IncomingMessage, admission: Admission) => Promise<C> | C;
  /**
   * Decides, before GraphQL sees it, who is asking: the gateway verifies the bearer token, a
   * subgraph the signed caller context. A Refusal is answered as JSON with its status and code.
   */
  guard?: RequestGuard;
  port: number;
  host?: string;
  /** Extra routes keyed `METHOD /path`. */
  routes?: Record<string, RouteHandler>;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function graphqlError(res: ServerResponse, status: number, message: string, code: string, extensions: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
  sendJson(res, status, { errors: [{ message, extensions: { code, ...extensions } }] }, headers);
}

const ANONYMOUS: Admission = { caller: null };

/** A port nothing listens on right now (for a child process that must be told its port in advance). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}`,
    port: actual,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function serveGraphQL<C extends BaseContext>(options: ServeOptions<C>): Promise<RunningServer> {
  const { server, routes = {}, maxBodyBytes = 1_000_000 } = options;
  const http = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      const route = routes[`${req.method} ${url.pathname}`];
      if (route) {
        await route(req, res, url);
        return;
      }
      if (url.pathname !== '/graphql') {
        sendJson(res, 404, { error: `no route ${req.method} ${url.pathname}` });
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: unknown = undefined;
      const text = req.method === 'POST' ? await readBody(req, maxBodyBytes) : '';
      let admission = ANONYMOUS;
      if (options.guard) {
        try {
          admission = await options.guard({ method: req.method ?? 'GET', pathAndSearch: url.pathname + url.search, headers, body: text });
        } catch (error) {
          if (!(error instanceof Refusal)) throw error;
          graphqlError(res, error.status, error.message, error.code, error.extensions, error.headers);
          return;
        }
      }
      if (req.method === 'POST') {
        const type = headers.get('content-type') ?? '';
        if (type.includes('application/json')) {
          try {
            body = text === '' ? {} : JSON.parse(text);
          } catch {
            graphqlError(res, 400, 'The request body is not valid JSON.', 'BAD_REQUEST');
            return;
          }
        } else {
          body = text;
        }
      }
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => Promise.resolve(options.context(req, admission)),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        graphqlError(res, 413, `The request body is larger than ${maxBodyBytes} bytes.`, 'BAD_REQUEST');
        return;
      }
      console.error(error);
      if (!res.headersSent) graphqlError(res, 500, 'Internal server error.', 'INTERNAL_SERVER_ERROR');
      else res.end();
    }
  });
  http.keepAliveTimeout = 65_000;
  return listen(http, options.port, options.host);
}
