// Rantau's schema has queries only. A mutation or subscription is the client's mistake, so it is
// answered 400 BAD_REQUEST before planning; without this the gateway answered 500.
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

export function queryOnlyPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation && operation.operation !== 'query') {
            throw new GraphQLError(`Rantau answers queries only; this is a ${operation.operation}.`, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
