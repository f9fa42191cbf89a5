import { isAlpha3 } from '../../schema/countries/index.js';

/**
 * What an NVQF certificate and an MLSW extract row both carry, checked the same way in both
 * adapters (subgraphs/lao/README.md writes them alike): `nationality` as ISO alpha-3, and the
 * occupation as a bare ISCO-08 unit group (Laos has no national classification, so the ISCO code
 * is also the national one). Each refusal goes through the record's own `fail`, so the error
 * names the record.
 */
type Fail = (message: string) => Error;

export function nationalityOf(value: string, fail: Fail): string {
  if (!isAlpha3(value)) throw fail(`nationality: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(value)}`);
  return value;
}

