import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './registryClient.js';

describe('Retry-After', () => {
  it('reads whole and fractional seconds as written (a fraction is never a zero wait)', () => {
    expect(parseRetryAfter('2')).toBe(2);
    expect(parseRetryAfter(' 0.5 ')).toBe(0.5);
  });

  it('reads an HTTP date as the seconds until then', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:00:03 GMT', now)).toBe(3);
    expect(parseRetryAfter('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores what is neither', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
