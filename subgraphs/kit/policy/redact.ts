// Applies a release to one record before it leaves the owner: a copy with every withheld field
// gone and every masked identifier masked (the cached original is never touched). A withheld field
// reads as null where the schema allows null; where it does not, reading it raises POLICY_WITHHELD,
// so a caller asking for it learns why instead of getting a made-up value.
import { RantauError } from '../../../schema/errors/index.js';
import type { ContractRecord } from '../records.js';
import { MASKS } from './masks.js';
import { VERIFY_FIELDS, type Release } from './sharingPolicy.js';

/** Fields the kit keeps on records for matching, never GraphQL fields: no released copy carries them. */
const ROUTING_FIELDS = ['holderDateOfBirth', 'holderOtherDocumentNumbers'];

/** Non-null fields per GraphQL type name, from the country's schema. */
export type NonNullFields = ReadonlyMap<string, ReadonlySet<string>>;

function withheldError(owner: string, field: string, reason: string): RantauError {
  return new RantauError('POLICY_WITHHELD', `${owner}'s sharing policy withholds ${field} from this caller`, { country: owner, field, policy: reason });
}

export function redact(record: ContractRecord, release: Release, nonNull: NonNullFields): ContractRecord {
  if (release.level === 'SUBJECT') return record;
  const copy: Record<string, unknown> = { ...record };
  const required = nonNull.get(record.__typename) ?? new Set<string>();
  const withhold = (field: string) => {
    delete copy[field];
    if (required.has(field)) {
      Object.defineProperty(copy, field, {
        enumerable: false,
        get: () => {
          throw withheldError(record.country, field, release.reason);
        },
      });
    } else copy[field] = null;
  };
  for (const field of ROUTING_FIELDS) delete copy[field];
  if (release.level === 'VERIFY') for (const field of Object.keys(record)) if (!VERIFY_FIELDS.has(field) && !ROUTING_FIELDS.includes(field)) withhold(field);
  for (const path of release.withhold) {
    const [head, tail] = path.split('.');
    if (tail === undefined) {
      if (head in copy || head in record) withhold(head);
    } else if (copy[head] && typeof copy[head] === 'object') {
      copy[head] = { ...(copy[head] as Record<string, unknown>), [tail]: null };
    }
  }
  for (const [path, mask] of Object.entries(release.mask)) {
    const [head, tail] = path.split('.');
    if (tail === undefined) {
      if (typeof copy[head] === 'string') copy[head] = MASKS[mask](copy[head] as string);
    } else if (copy[head] && typeof copy[head] === 'object' && typeof (copy[head] as Record<string, unknown>)[tail] === 'string') {
      const inner = copy[head] as Record<string, string>;
      copy[head] = { ...inner, [tail]: MASKS[mask](inner[tail]) };
    }
  }
  return copy as unknown as ContractRecord;
}
