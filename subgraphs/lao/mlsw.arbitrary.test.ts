import { describe, expect, it } from 'vitest';
import { registryTestKit } from '../../sandbox/testing/registryTesting.js';
import { expectReadsAsGenerated } from '../../sandbox/testing/arbitraryParts.js';
import fc from 'fast-check';
import { formatCsvRecord } from './csv.js';
import { mlswAdapter, mlswNative } from './mlsw.adapter.js';
import { indexExtract } from './mlsw.extract.js';
import { MLSW_COLUMNS, type MlswRow } from './mlsw.native.js';
import { mlswArbitrary } from './sandbox/mlsw.arbitrary.js';

const { read, offline } = registryTestKit('LAO', 'mlsw');
const STAMP = { generatedAt: '2026-11-30T19:00:00.000Z', checkedAt: '2026-11-30T19:05:00.000Z', stale: false };

describe('mlsw generated extract rows', () => {
  it('reads 1,000 specification-valid rows as the generator expects', () => {
    expectReadsAsGenerated(read, mlswAdapter, mlswArbitrary, { wrap: (row) => mlswNative({ row, problem: null }, STAMP) });
  });

  it('indexes every generated row from RFC 4180 text exactly as it was generated', () => {
    fc.assert(
      fc.property(fc.array(mlswArbitrary.arbitrary, { minLength: 1, maxLength: 30 }), (generated) => {
        const rows = generated.map(({ native }) => native);
        const csv = `${MLSW_COLUMNS.join(',')}\r\n${rows.map((row) => formatCsvRecord(MLSW_COLUMNS.map((c) => row[c]))).join('\r\n')}\r\n`;
        const extract = indexExtract(csv, { etag: null, generatedAt: STAMP.generatedAt }, (m) => offline.error('REGISTRY_PROTOCOL_ERROR', m));
        expect([...extract.byPermitNo.values()].map((entry) => entry.row)).toEqual(rows.map((row): MlswRow => Object.fromEntries(MLSW_COLUMNS.map((c) => [c, row[c]])) as MlswRow));
      }),
      { numRuns: 100, seed: 20261201 },
    );
  });
});
