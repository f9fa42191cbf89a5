// The operator credential of the simulators' control endpoints (`/__sim/*`): a bearer token the
// stack hands to its tests and the benchmark, compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function operatorAuthorized(authorization: string | undefined, operatorToken: string): boolean {
  const presented = /^Bearer +(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(operatorToken));
}

/** The header to send with a control request. */
export function operatorHeaders(operatorToken: string): Record<string, string> {
  return { authorization: `Bearer ${operatorToken}` };
}
