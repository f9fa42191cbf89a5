import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Readiness } from './readiness.js';
import { logger, requestIdFrom, withRequestId } from './logger.js';
import { SpanKind, callerContext, inSpan } from './tracing.js';
import type { Admission, RequestGuard } from './trust/admission.js';
import { Refusal } from './trust/admission.js';
import { sendJson, type RouteHandler } from './httpResponses.js';
import { internalErrorBody, logInternalError } from './maskedErrors.js';

/**
 * The one HTTP layer of Rantau's GraphQL services (gateway, regional, countries): Apollo Server's
 * integration API over node:http, plus a few plain routes (`/health`, `/metrics`, assets).
 */
export type { RouteHandler } from './httpResponses.js';

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
  /** Largest request body accepted, in bytes; a larger one answers 413 with a JSON error. */
  maxBodyBytes?: number;
  /**
   * Checks run on every GraphQL request before its body is read (per-caller rate limits): the
   * first refusal is the answer, and a refused body is thrown away unread. Cheap by design.
   */
  checksBeforeBody?: RequestCheck[];
  /** Checks run once the body is read and the caller admitted, before Apollo parses anything (document size). */
  checksAfterBody?: RequestCheck[];
  /**
   * Answers an admitted request that passed every check from what the service already knows,
   * before GraphQL parses it (the gateway's fast path), and hears how GraphQL answered the rest.
   */
  shortcut?: RequestShortcut;
  /** Runs each admitted GraphQL request inside a scope (in subgraphs: the caller's share of the registries). */
  scope?: <T>(admission: Admission, work: () => Promise<T>) => Promise<T>;
  /** The service's name in logs and traces (`gateway`, `regional`, `subgraph-idn`). */
  service?: string;
  /** Serves `/health` and `/ready`; drained (503) when the server closes. */
  readiness?: Readiness;
}

/** A refusal by a check: HTTP status, error code and message, and any headers (Retry-After). */
export interface CheckRefusal {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
  extensions?: Record<string, unknown>;
}

/** An answer given without GraphQL: status, headers and the exact body, or a refusal. */
export type ShortcutAnswer = { status: number; headers: Record<string, string>; body: string } | { refusal: CheckRefusal };

export interface RequestShortcut {
  /** The answer, or null to let GraphQL run. Called after the guard and every check. */
  answer(req: IncomingMessage, admission: Admission, body: unknown): Promise<ShortcutAnswer | null> | ShortcutAnswer | null;
  /** How GraphQL answered a request the shortcut did not (before its body is sent). */
  answered?(req: IncomingMessage, response: { status: number; headers: ReadonlyMap<string, string> }): void;
}

/** `body` is undefined for checks run before the body is read. */
export type RequestCheck = (req: IncomingMessage, body: unknown) => CheckRefusal | null | Promise<CheckRefusal | null>;

async function firstRefusal(checks: readonly RequestCheck[], req: IncomingMessage, body: unknown): Promise<CheckRefusal | null> {
  for (const check of checks) {
    const refusal = await check(req, body);
    if (refusal) return refusal;
  }
  return null;
}

/**
 * Past this multiple of the limit, an oversized body is cut off instead of read to its end.
 * Below it the rest is read and thrown away, so the client, still sending, receives the 413
 * instead of a reset connection.
 */
const DRAIN_FACTOR = 64;

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

export { sendJson } from './httpResponses.js';

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
  const refuse = (res: ServerResponse, refusal: CheckRefusal) => graphqlError(res, refusal.status, refusal.message, refusal.code, refusal.extensions, refusal.headers);
  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    try {
      if (url.pathname !== '/graphql') {
        sendJson(res, 404, { error: `no route ${String(req.method).slice(0, 10)} ${url.pathname.slice(0, 100)}` });
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const turnedAway = await firstRefusal(options.checksBeforeBody ?? [], req, undefined);
      if (turnedAway) {
        await discardBody(req, maxBodyBytes);
        refuse(res, turnedAway);
        return;
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
      const refusal = await firstRefusal(options.checksAfterBody ?? [], req, body);
      if (refusal) {
        refuse(res, refusal);
        return;
      }
      const early = options.shortcut ? await options.shortcut.answer(req, admission, body) : null;
      if (early) {
        if ('refusal' in early) refuse(res, early.refusal);
        else {
          res.writeHead(early.status, early.headers);
          res.end(early.body);
        }
        return;
      }
      const execute = () =>
        server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
          context: () => Promise.resolve(options.context(req, admission)),
        });
      const response = await (options.scope ? options.scope(admission, execute) : execute());
      options.shortcut?.answered?.(req, { status: response.status ?? 200, headers: response.headers });
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
        graphqlError(res, 413, `The request body is larger than ${maxBodyBytes} bytes.`, 'BAD_REQUEST', {}, { connection: 'close' });
        return;
      }
      if (res.headersSent) {
        res.end();
        return;
      }
      // The detail goes to the log under an id; the client gets the id, never the detail.
      const errorId = logInternalError(service, error);
      sendJson(res, 500, { errors: [internalErrorBody(errorId)] });
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
