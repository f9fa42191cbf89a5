// Rantau's schema has queries only. A mutation or subscription is the client's mistake, so it is
// answered 400 BAD_REQUEST before planning; without this the gateway answered 500. So is a
// request whose `operationName` names no operation of its document (or that names none when the
// document holds several): the gateway's planner would throw on it, answering 500.
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

export function queryOnlyPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            const message = request.operationName ? 'The document has no operation of the name given in operationName.' : 'The document holds several operations: name one in operationName.';
            throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
          }
          if (operation && operation.operation !== 'query') {
            throw new GraphQLError(`Rantau answers queries only; this is a ${operation.operation}.`, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
