/**
 * The operations the benchmark sends. The documents are fixed and only variables change, as a real
 * client's would, so the gateways' query-plan caches see what they see in production.
 */
export interface WorkerIdentity {
  nationality: string;
  documentNumber: string;
  /** Always sent: Singapore MOM answers only with it, and every registry matches on it. */
  dateOfBirth: string;
}

const WORKER_FIELDS = `id
    countries
    certifications { id country title status nativeStatus issuedOn validUntil aqrfLevel aqrfBasis }
    permits { id country permitClass nativeType status nativeStatus validFrom validUntil employer { name } }`;

export const WORKER_QUERY = `query BenchWorker($nationality: String!, $documentNumber: String!, $dateOfBirth: Date) {
  worker(nationality: $nationality, documentNumber: $documentNumber, dateOfBirth: $dateOfBirth) {
    ${WORKER_FIELDS}
  }
}`;

export const WORKERS_QUERY = `query BenchWorkers($identities: [WorkerIdentityInput!]!) {
  workers(identities: $identities) {
    ${WORKER_FIELDS}
  }
}`;

/**
 * One query with `count` aliased `node` fields, each with the record's details. The two `status`
 * fields are aliased apart: their enums differ, and GraphQL rejects one response key for both.
 */
export function nodesQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$id${i}: ID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `  n${i}: node(id: $id${i}) { id ... on Certification { country title certificationStatus: status validUntil aqrfLevel } ... on WorkPermit { country permitClass permitStatus: status validUntil } }`,
  ).join('\n');
  return `query BenchNodes(${variables}) {\n${fields}\n}`;
}

export function body(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

export function workerBody(identity: WorkerIdentity): string {
  return body(WORKER_QUERY, { ...identity });
}

export function workersBody(identities: readonly WorkerIdentity[]): string {
  return body(WORKERS_QUERY, { identities });
}

export function nodesBody(query: string, ids: readonly string[]): string {
  return body(query, Object.fromEntries(ids.map((id, i) => [`id${i}`, id])));
}
