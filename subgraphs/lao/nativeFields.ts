// What an NVQF certificate and an MLSW extract row both carry, checked the same way in both adapters
// (subgraphs/lao/README.md writes them alike): `nationality` as ISO alpha-3. Each refusal goes
// through the record's own `fail`, so the error names the record.
import { isAlpha3 } from '../../schema/countries/index.js';

type Fail = (message: string) => Error;

/** `nationality` as ISO 3166-1 alpha-3, on the maintained list. */
export function nationalityOf(value: string, fail: Fail): string {
  if (typeof value !== 'string' || !isAlpha3(value)) throw fail(`nationality: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(value)}`);
  return value;
}
