/**
 * Structured logs: one JSON object per line on stdout (stderr for warnings and errors), with the
 * service, the request id and the trace and span ids of the active span, so a line leads to its
 * trace. Fields are chosen by the caller and must never carry personal data (names, document
 * numbers, birth dates, employers): ids of records and routes, codes and counts only.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const SEVERITY: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

let minimum: LogLevel = 'info';
export type LogSink = (level: LogLevel, line: string) => void;

/** Standard output, standard error from warnings up. */
export const standardSink: LogSink = (level, line) => void (SEVERITY[level] >= SEVERITY.warn ? process.stderr : process.stdout).write(`${line}\n`);

/** Where lines go; tests replace it to read them. */
let sink: LogSink = standardSink;

const requests = new AsyncLocalStorage<string>();

export function configureLogs(options: { level?: LogLevel; sink?: LogSink }): void {
  if (options.level) minimum = options.level;
  if (options.sink) sink = options.sink;
}

/** A request id from the caller (`x-request-id`) when it looks like one, otherwise a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : randomUUID();
}

/** Runs `fn` with `requestId` attached to every line it logs, and to the calls it makes to other services. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requests.run(requestId, fn);
}

export function currentRequestId(): string | undefined {
  return requests.getStore();
}

function errorFields(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const code = (value as { code?: unknown }).code;
  return { name: value.name, message: value.message, ...(typeof code === 'string' ? { code } : {}), stack: value.stack };
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function logger(service: string): Logger {
  const write = (level: LogLevel, message: string, fields: Record<string, unknown> = {}) => {
    if (SEVERITY[level] < SEVERITY[minimum]) return;
    const span = trace.getActiveSpan()?.spanContext();
    const line: Record<string, unknown> = { time: new Date().toISOString(), level, service, msg: message };
    const requestId = currentRequestId();
    if (requestId) line.requestId = requestId;
    if (span && span.traceId !== '00000000000000000000000000000000') {
      line.traceId = span.traceId;
      line.spanId = span.spanId;
    }
    for (const [key, value] of Object.entries(fields)) line[key] = errorFields(value);
    sink(level, JSON.stringify(line));
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
