import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Readiness } from './readiness.js';
import { logger, requestIdFrom, withRequestId } from './logger.js';
import { SpanKind, callerContext, inSpan } from './tracing.js';
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
  /** The service's name in logs and traces (`gateway`, `regional`, `subgraph-idn`). */
  service?: string;
  /** Serves `/health` and `/ready`; drained (503) when the server closes. */
  readiness?: Readiness;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  /** Stops accepting, lets in-flight requests finish (within the grace period), then resolves. */
  close(): Promise<void>;
  /** Present on GraphQL services: a launcher drains it (503 on `/ready`) before closing. */
  readiness?: Readiness;
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

let defaultGraceMs = 10_000;

/** How long a closing server waits for requests in flight (SHUTDOWN_GRACE_MS): one setting per process, as SIGTERM is. */
export function setShutdownGrace(graceMs: number): void {
  defaultGraceMs = graceMs;
}

/**
 * Graceful close: the listener stops at once and idle keep-alive connections are closed; requests
 * in flight run to completion (their responses say `connection: close`), and only those still
 * running after `graceMs` have their connections cut.
 */
export async function listen(server: Server, port: number, host = '127.0.0.1', options: { graceMs?: number } = {}): Promise<RunningServer> {
  const active = new Set<ServerResponse>();
  let closing = false;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    active.add(res);
    if (closing && !res.headersSent) res.setHeader('connection', 'close');
    res.on('close', () => {
      active.delete(res);
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
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
        closing = true;
        for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
        const cut = setTimeout(() => server.closeAllConnections(), options.graceMs ?? defaultGraceMs);
        cut.unref();
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

export async function serveGraphQL<C extends BaseContext>(options: ServeOptions<C>): Promise<RunningServer> {
  const { server, maxBodyBytes = 1_000_000, readiness } = options;
  const service = options.service ?? 'graphql';
  const log = logger(service);
  const routes: Record<string, RouteHandler> = { ...(readiness ? { 'GET /health': readiness.health, 'GET /ready': readiness.ready } : {}), ...options.routes };
  const http = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routes[`${req.method} ${url.pathname}`];
    if (route) {
      try {
        await route(req, res, url);
      } catch (error) {
        log.error('route failed', { route: url.pathname, error });
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      }
      return;
    }
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    const attributes = { 'rantau.service': service, 'http.request.method': req.method ?? 'GET', 'url.path': url.pathname };
    await withRequestId(requestId, () =>
      inSpan(`${req.method} ${url.pathname}`, { kind: SpanKind.SERVER, attributes, parent: callerContext(req.headers) }, async (span) => {
        const started = Date.now();
        await handle(req, res, url);
        span.setAttribute('http.response.status_code', res.statusCode);
        log.debug('request', { method: req.method, path: url.pathname, status: res.statusCode, durationMs: Date.now() - started });
      }),
    ).catch(() => undefined);
  });
  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    try {
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
      log.error('request failed', { error });
      if (!res.headersSent) graphqlError(res, 500, 'Internal server error.', 'INTERNAL_SERVER_ERROR');
      else res.end();
    }
  };
  http.keepAliveTimeout = 65_000;
  const running = await listen(http, options.port, options.host);
  return {
    ...running,
    readiness,
    close: async () => {
      readiness?.drain();
      await running.close();
    },
  };
}
