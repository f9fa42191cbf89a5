import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@inaccessible"])`;

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL the composer reads. */
  sdl: string;
}

/**
 * type-graphql classes → an Apollo subgraph, as type-graphql's federation example does it:
 * build, print with directives, rebuild with @apollo/subgraph and add reference resolvers.
 */
export async function buildFederatedSchema(
  options: Pick<BuildSchemaOptions, 'resolvers' | 'orphanedTypes'>,
  referenceResolvers: Record<string, { __resolveReference: (reference: { id: string }, context: never) => unknown }> = {},
): Promise<FederatedSchema> {
  const built = await buildSchema({ ...options, skipCheck: true, validate: false });
  const resolvers = createResolversMap(built) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolver] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...resolver };
  }
  const schema = buildSubgraphSchema({
    typeDefs: gql(`${FEDERATION_LINK}\n${printSchemaWithDirectives(built)}`),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
  return { schema, sdl: printSubgraphSchema(schema) };
}
