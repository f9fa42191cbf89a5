import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RantauError } from '../../../schema/errors/index.js';
import { decodeCursor, encodeCursor, filterDigest, type SearchQuestionKey } from './searchCursor.js';

const key: SearchQuestionKey = { country: 'IDN', kind: 'PERMIT', digest: filterDigest('IDN', 'PERMIT', { statuses: ['ACTIVE'] }) };
const refusal = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    return error instanceof RantauError ? { code: error.code, argument: error.extensions.argument, message: error.message } : { thrown: String(error) };
  }
  return null;
};

describe('search cursors', () => {
  it('give back the position they were made from, for the same question', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ minLength: 1, maxLength: 128 }), (registry, nativeId) => {
      fc.pre(!/[\u0000-\u001f\u007f]/.test(registry + nativeId));
      expect(decodeCursor(encodeCursor(key, { registry, nativeId }), key)).toEqual({ registry, nativeId });
    }));
  });

  it('belong to one question: another filter, kind or member state is refused, naming `after`', () => {
    const cursor = encodeCursor(key, { registry: 'tka', nativeId: 'KEP.10007/PPTKA/PTK/2024' });
    for (const other of [
      { ...key, digest: filterDigest('IDN', 'PERMIT', { statuses: ['EXPIRED'] }) },
      { ...key, kind: 'CERT' as const },
      { ...key, country: 'MYS' },
    ]) expect(refusal(() => decodeCursor(cursor, other))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    // One question, one digest, whatever order its lists were given in (the filter is normalised before).
    expect(filterDigest('IDN', 'PERMIT', { statuses: ['ACTIVE'] })).toBe(key.digest);
  });

  it('refuse anything else with BAD_USER_INPUT, never echoing it', () => {
    const anything = fc.oneof(
      fc.string({ maxLength: 600 }),
      fc.base64String().map((s) => s.replace(/=/g, '')),
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
      fc.tuple(fc.constant('r1'), fc.constant('IDN'), fc.constant('PERMIT'), fc.string(), fc.string({ maxLength: 300 }), fc.string()).map((t) => Buffer.from(JSON.stringify(t)).toString('base64url')),
    );
    fc.assert(fc.property(anything, (cursor) => {
      const outcome = refusal(() => decodeCursor(cursor, key));
      if (outcome === null) return; // a well-formed cursor of this question (vanishingly rare)
      expect(outcome).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
      if (cursor.length > 8) expect((outcome as { message: string }).message).not.toContain(cursor);
    }), { numRuns: 2000 });
  });
});
