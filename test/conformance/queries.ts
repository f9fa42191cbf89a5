/**
 * The GraphQL the suite sends through the gateway. Ids always travel as variables, so a malformed
 * id reaches the resolver exactly as written.
 */

/** Every field of the Certification contract (schema/contract). */
const CERTIFICATION_FIELDS = `country registry nativeId holderName holderNationality holderDocumentNumber title qualificationCode
    nationalLevel aqrfLevel aqrfBasis aqrfDerivation occupation { isco national scheme title }
    issuer { name registrationNumber } issuedOn validUntil status nativeStatus retrievedAt stale`;

/** Every field of the WorkPermit contract. `status` differs in type from the certification's, hence the alias. */
const PERMIT_FIELDS = `country registry nativeId holderName holderNationality holderDocumentNumber permitClass nativeType
    permitStatus: status nativeStatus validFrom validUntil employer { name registrationNumber }
    occupation { isco national scheme title } sector retrievedAt stale`;

export const CONTRACT_SELECTION = `__typename id
  ... on Certification { ${CERTIFICATION_FIELDS} }
  ... on WorkPermit { ${PERMIT_FIELDS} }`;

/** Many workers with every contract field of their records: the list path, one entity fetch per list. */
export const WORKERS_CONTRACT = `query WorkersContract($ids: [WorkerIdentityInput!]!) {
  workers(identities: $ids) {
    certifications { __typename id ${CERTIFICATION_FIELDS} }
    permits { __typename id ${PERMIT_FIELDS} }
  }
}`;

/** Only what the regional subgraph answers itself: the gateway then needs no entity fetch. */
export const REFERENCE_SELECTION = '__typename id';

/** One query with one aliased `node` field per id (`n0`, `n1`, …). */
export function nodesQuery(ids: readonly string[], selection: string): { query: string; variables: Record<string, string> } {
  const declarations = ids.map((_, i) => `$i${i}: ID!`).join(', ');
  const fields = ids.map((_, i) => `n${i}: node(id: $i${i}) { ${selection} }`).join('\n');
  return { query: `query Nodes(${declarations}) {\n${fields}\n}`, variables: Object.fromEntries(ids.map((id, i) => [`i${i}`, id])) };
}

/** The answers of a `nodesQuery`, in the order of its ids. */
export function nodesInOrder<T>(data: Record<string, T | null> | null | undefined, count: number): Array<T | null> {
  return Array.from({ length: count }, (_, i) => data?.[`n${i}`] ?? null);
}

export const WORKER = `query Worker($n: String!, $d: String!, $b: Date) {
  worker(nationality: $n, documentNumber: $d, dateOfBirth: $b) {
    id countries
    certifications { id country registry }
    permits { id country registry }
  }
}`;

export interface Reference { id: string; country: string; registry: string }
export interface WorkerRecords { certifications: Reference[]; permits: Reference[] }
export type WorkerResult = { worker: (WorkerRecords & { id: string; countries: string[] }) | null };
export type WorkersResult = { workers: Array<(WorkerRecords & { documentNumber: string }) | null> };

export const WORKERS = `query Workers($ids: [WorkerIdentityInput!]!) {
  workers(identities: $ids) {
    documentNumber
    certifications { id country registry }
    permits { id country registry }
  }
}`;

/** The country subgraph's own federation entry point, for measuring its entity fetch alone. */
export function entitiesQuery(typename: string): string {
  return `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { id status } } }`;
}
