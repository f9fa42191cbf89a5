import { describe, expect, it } from 'vitest';
import { parseGlobalId, toGlobalId } from './globalId.js';

describe('global ids', () => {
  it('round-trips native ids that contain separators', () => {
    const id = toGlobalId('IDN', 'PERMIT', 'KEP.23145/PPTKA/PTK/2024');
    expect(id).toBe('IDN:PERMIT:KEP.23145/PPTKA/PTK/2024');
    expect(parseGlobalId(id)).toEqual({ country: 'IDN', kind: 'PERMIT', nativeId: 'KEP.23145/PPTKA/PTK/2024' });
  });
  it('rejects ids without a country and kind, naming the argument', () => {
    for (const bad of ['74101.2421.3.0004512.2023', 'IDN:CARD:1', 'idn:CERT:1', 'IDN:CERT:']) {
      try {
        parseGlobalId(bad, 'id');
        expect.unreachable();
      } catch (error) {
        expect((error as { extensions: Record<string, unknown> }).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
      }
    }
  });
});
