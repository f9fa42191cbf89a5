import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from 'graphql';

/**
 * Partial answers: a resolver that could answer for most countries returns what it has and
 * reports the rest here; this plugin adds those errors to the response beside the data, so a
 * failing registry never fails a whole response.
 */
export interface PartialErrorsContext extends BaseContext {
  partialErrors: PartialErrors;
}

export class PartialErrors {
  private readonly errors: GraphQLError[] = [];
  private readonly seen = new Set<string>();

  /** Adds an error at the resolver's path; the same code for the same path and registry is reported once. */
  report(error: GraphQLError, info: GraphQLResolveInfo): void {
    const path = responsePathAsArray(info.path);
    const key = `${path.join('.')}|${String(error.extensions.code)}|${String(error.extensions.country)}|${String(error.extensions.registry)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.errors.push(new GraphQLError(error.message, { path, extensions: error.extensions }));
  }

  list(): readonly GraphQLError[] {
    return this.errors;
  }
}

export function partialErrorsPlugin<C extends PartialErrorsContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const extra = contextValue.partialErrors.list();
          if (extra.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...extra.map((e) => e.toJSON())];
        },
      };
    },
  };
}
