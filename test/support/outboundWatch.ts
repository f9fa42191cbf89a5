import net from 'node:net';
import dns from 'node:dns';

/**
 * Records every outbound TCP connection this process attempts, and every host name it resolves:
 * `net.Socket.prototype.connect` is where every client socket starts (fetch/undici, http, https,
 * TLS, ioredis alike), and `dns.lookup` is where a host name is resolved before one. Tests only:
 * it patches the process it runs in, until `stop()`.
 */
export interface OutboundWatch {
  /** `host:port` (or a socket path) per attempt, in order. */
  readonly connections: string[];
  /** Host names resolved. */
  readonly lookups: string[];
  stop(): void;
}

type Target = { host?: string; port?: number | string; path?: string };

function targetOf(args: unknown[]): string {
  let first = args[0];
  if (Array.isArray(first)) first = first[0];
  if (typeof first === 'number' || typeof first === 'string') {
    if (typeof first === 'string' && Number.isNaN(Number(first))) return first;
    return `${typeof args[1] === 'string' ? args[1] : 'localhost'}:${first}`;
  }
  const options = (first ?? {}) as Target;
  if (options.path) return options.path;
  return `${options.host ?? 'localhost'}:${options.port}`;
}

export function watchOutbound(): OutboundWatch {
  const connections: string[] = [];
  const lookups: string[] = [];
  const connect = net.Socket.prototype.connect;
  const lookup = dns.lookup;
  const lookupPromise = dns.promises.lookup;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    connections.push(targetOf(args));
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
  (dns as { lookup: unknown }).lookup = function (hostname: string, ...rest: unknown[]) {
    lookups.push(hostname);
    return (lookup as (...a: unknown[]) => unknown)(hostname, ...rest);
  };
  (dns.promises as { lookup: unknown }).lookup = (hostname: string, ...rest: unknown[]) => {
    lookups.push(hostname);
    return (lookupPromise as (...a: unknown[]) => unknown)(hostname, ...rest);
  };
  return {
    connections,
    lookups,
    stop() {
      net.Socket.prototype.connect = connect;
      (dns as { lookup: unknown }).lookup = lookup;
      (dns.promises as { lookup: unknown }).lookup = lookupPromise;
    },
  };
}
