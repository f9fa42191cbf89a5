import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { internalErrorBody, logInternalError } from './maskedErrors.js';

/**
 * The one HTTP layer of Rantau's GraphQL services (gateway, regional, countries): Apollo Server's
 * integration API over node:http, plus a few plain routes (`/health`, `/metrics`, assets).
 */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface ServeOptions<C extends BaseContext> {
  server: ApolloServer<C>;
  context: (req: IncomingMessage) => Promise<C> | C;
  port: number;
  host?: string;
  /** Extra routes keyed `METHOD /path`. */
  routes?: Record<string, RouteHandler>;
  /** Largest request body accepted, in bytes; a larger one answers 413 with a JSON error. */
  maxBodyBytes?: number;
  /**
   * Checks run on every GraphQL request before its body is read (per-caller rate limits): the
   * first refusal is the answer, and a refused body is thrown away unread. Cheap by design.
   */
  admission?: RequestGuard[];
  /** Checks run once the body is read, before Apollo parses anything (document size). */
  guards?: RequestGuard[];
  /** Runs each GraphQL request inside a scope (the caller's share of the registries, in subgraphs). */
  scope?: (req: IncomingMessage, handle: () => Promise<void>) => Promise<void>;
  /** Names the service in logged internal errors. */
  service?: string;
}

/** A refusal by a guard: HTTP status, error code and message, and any headers (Retry-After). */
export interface GuardRefusal {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
  extensions?: Record<string, unknown>;
}

/** `body` is undefined for admission guards, which run before the body is read. */
export type RequestGuard = (req: IncomingMessage, body: unknown) => GuardRefusal | null | Promise<GuardRefusal | null>;

async function firstRefusal(guards: readonly RequestGuard[], req: IncomingMessage, body: unknown): Promise<GuardRefusal | null> {
  for (const guard of guards) {
    const refusal = await guard(req, body);
    if (refusal) return refusal;
  }
  return null;
}

/** Reads a body to its end without keeping it (so the client receives the answer, not a reset). */
function discardBody(req: IncomingMessage, limit: number): Promise<void> {
  return new Promise((resolve) => {
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit * DRAIN_FACTOR) req.destroy();
    });
    req.on('end', resolve);
    req.on('close', resolve);
    req.on('error', () => resolve());
  });
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

/**
 * Past this multiple of the limit, an oversized body is cut off instead of read to its end.
 * Below it the rest is read and thrown away, so the client, still sending, receives the 413
 * instead of a reset connection.
 */
const DRAIN_FACTOR = 64;

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit * DRAIN_FACTOR) {
      reject(new BodyTooLarge());
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit * DRAIN_FACTOR) {
        req.destroy();
        return;
      }
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function graphqlError(res: ServerResponse, status: number, message: string, code: string, headers: Record<string, string> = {}, extensions: Record<string, unknown> = {}): void {
  sendJson(res, status, { errors: [{ message, extensions: { code, ...extensions } }] }, headers);
}

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
  const { server, routes = {}, maxBodyBytes = 1_000_000, admission = [], guards = [] } = options;
  const refuse = (res: ServerResponse, refusal: GuardRefusal) => graphqlError(res, refusal.status, refusal.message, refusal.code, refusal.headers, refusal.extensions);
  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    try {
      const route = routes[`${req.method} ${url.pathname}`];
      if (route) {
        await route(req, res, url);
        return;
      }
      if (url.pathname !== '/graphql') {
        sendJson(res, 404, { error: `no route ${String(req.method).slice(0, 10)} ${url.pathname.slice(0, 100)}` });
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const turnedAway = await firstRefusal(admission, req, undefined);
      if (turnedAway) {
        await discardBody(req, maxBodyBytes);
        refuse(res, turnedAway);
        return;
      }
      let body: unknown = undefined;
      if (req.method === 'POST') {
        const text = await readBody(req, maxBodyBytes);
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
      const refusal = await firstRefusal(guards, req, body);
      if (refusal) {
        refuse(res, refusal);
        return;
      }
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => Promise.resolve(options.context(req)),
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
        graphqlError(res, 413, `The request body is larger than ${maxBodyBytes} bytes.`, 'BAD_REQUEST', { connection: 'close' });
        return;
      }
      if (res.headersSent) {
        res.end();
        return;
      }
      const errorId = logInternalError(options.service ?? 'http', error);
      sendJson(res, 500, { errors: [internalErrorBody(errorId)] });
    }
  };
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const graphql = url.pathname === '/graphql' && !routes[`${req.method} ${url.pathname}`];
    if (graphql && options.scope) void options.scope(req, () => handle(req, res, url));
    else void handle(req, res, url);
  });
  http.keepAliveTimeout = 65_000;
  return listen(http, options.port, options.host);
}
