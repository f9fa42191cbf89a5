import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { buildSchema, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { composeServices } from '@theguild/federation-composition';
import { composeSupergraph, serviceDefinitions, type SubgraphSource } from './compose.js';
import { countryEntries } from '../subgraphs/countries.js';
import { subgraphSources } from '../test/conformance/subgraphSources.js';

// Rantau composes with The Guild's MIT composer. Apollo's Elastic-licensed composer is a
// development dependency kept for this comparison only: while both are installed, today's
// subgraphs must give the same API schema, the one clients see.
const apolloComposer = (() => {
  try {
    createRequire(import.meta.url).resolve('@apollo/composition');
    return true;
  } catch {
    return false;
  }
})();

const printed = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema));
/** The API schema as the gateway derives it from a supergraph (what `@apollo/gateway` serves). */
const gatewayApiSchema = (supergraphSdl: string) => printed(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());

describe('composition', () => {
  let sources: SubgraphSource[];
  const everyCountry = async () => (sources ??= await subgraphSources(countryEntries));

  it('composes every country and the regional subgraph into a supergraph the gateway reads', async () => {
    const supergraph = composeSupergraph(await everyCountry());
    const api = gatewayApiSchema(supergraph);
    expect(api).toContain('worker(');
    expect(api).not.toMatch(/idnLocate|_entities|join__/);
  });

  it.skipIf(!apolloComposer)('gives the same API schema as Apollo’s composer (skipped when @apollo/composition is not installed)', async () => {
    const input = serviceDefinitions(await everyCountry());
    const { composeServices: composeWithApollo } = await import('@apollo/composition');
    const apollo = composeWithApollo(input);
    expect(apollo.errors).toBeUndefined();
    const guild = composeServices(input);
    expect(guild.errors).toBeUndefined();
    // The API schema the gateway builds from each supergraph, and each composer's own.
    expect(gatewayApiSchema(guild.supergraphSdl!)).toBe(gatewayApiSchema(apollo.supergraphSdl!));
    expect(printed(buildSchema(guild.publicSdl!))).toBe(printed(apollo.schema!.toAPISchema().toGraphQLJSSchema()));
  });
});
