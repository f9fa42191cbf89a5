import { describe, expect, it } from 'vitest';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { RegistryBudget, type RegistryTable } from './registryBudget.js';

// Two countries: Indonesia with batch endpoints (100 and 50), Viet Nam with none.
const TABLE: RegistryTable = {
  IDN: [{ registry: 'bnsp', kind: 'CERT', batchLimit: 100 }, { registry: 'tka', kind: 'PERMIT', batchLimit: 50 }],
  VNM: [{ registry: 'kynang', kind: 'CERT', batchLimit: null }, { registry: 'gpld', kind: 'PERMIT', batchLimit: null }],
};
const budget = new RegistryBudget(TABLE, 100);

function estimate(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return budget.estimateOperation(operation, fragments, variables);
}

describe('registry-call estimate', () => {
  it('counts one holder search per registry for each worker field, aliases and fragments included', () => {
    expect(estimate('{ worker(nationality: "IDN", documentNumber: "C1") { id } }')).toBe(4);
    expect(estimate('{ a: worker(nationality: "IDN", documentNumber: "C1") { id } b: worker(nationality: "IDN", documentNumber: "C2") { id } }')).toBe(8);
    expect(estimate('{ ...F ... on Query { worker(nationality: "IDN", documentNumber: "C3") { id } } } fragment F on Query { worker(nationality: "IDN", documentNumber: "C1") { id } }')).toBe(8);
  });

  it('multiplies by the identities of workers, from a literal or a variable', () => {
    expect(estimate('{ workers(identities: [{ nationality: "IDN", documentNumber: "C1" }, { nationality: "IDN", documentNumber: "C2" }]) { id } }')).toBe(8);
    expect(estimate('query($w: [WorkerIdentityInput!]!) { workers(identities: $w) { id } }', { w: Array.from({ length: 30 }, () => ({})) })).toBe(120);
  });

  it('counts ⌈n / batch limit⌉ per batch registry and n per single-record registry for nodes', () => {
    const idn = Array.from({ length: 120 }, (_, i) => `IDN:CERT:${i}`);
    const vnm = Array.from({ length: 7 }, (_, i) => `VNM:PERMIT:${i}`);
    expect(estimate('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [...idn, ...vnm] })).toBe(2 + 7);
    expect(estimate('{ node(id: "VNM:CERT:1") { id } n: node(id: "IDN:PERMIT:1") { id } }')).toBe(2);
  });

  it('counts a search page as the records it reads from the costliest registry of its kind', () => {
    // Viet Nam reads permits one call per record; Indonesia's batches of 50 would cost 1.
    expect(estimate('{ searchPermits(filter: {}, first: 30) { totalCount } }')).toBe(30);
    expect(estimate('query($n: Int) { searchCertifications(filter: {}, first: $n) { totalCount } }', { n: 5 })).toBe(5);
    // The contract's default page of 20 when `first` is left out.
    expect(estimate('{ searchPermits(filter: {}) { totalCount } a: searchCertifications(filter: {}) { totalCount } }')).toBe(40);
  });

  it('costs nothing for ids that name no registry (the regional subgraph refuses them)', () => {
    expect(estimate('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['malformed', 'XXX:CERT:1', 42, null] })).toBe(0);
    expect(estimate('{ __typename }')).toBe(0);
  });
});
