import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorDocs } from '../bin/errorDocs.js';

describe('docs/errors.md', () => {
  it('is generated from the error-code registry (run `npm run docs:errors` after changing it)', () => {
    expect(readFileSync('docs/errors.md', 'utf8')).toBe(errorDocs());
  });
});
