// Limits on the shape of an operation, checked before the gateway plans it (planning a document
// of 1,000 aliased `worker` fields once took 15 s and 1.7 GB). The document's size is checked on
// the raw request, before parsing; the token count stops the parser itself; depth, aliases and
// directives are validation rules from @escape.tech/graphql-armor; field suggestions ("Did you
// mean …") are removed from errors, since they reveal the schema piece by piece.
import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { LimitSettings } from '../../platform/config.js';
import type { RequestCheck as RequestGuard } from '../../platform/httpServer.js';

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** Apollo Server options that enforce the limits: validation rules, parser limit, plugins. */
export function operationLimits(limits: LimitSettings): Pick<ApolloServerOptions<BaseContext>, 'validationRules' | 'parseOptions' | 'plugins' | 'introspection'> {
  const armor = new ApolloArmor({
    // Token counting is graphql-js's own parser limit below (a refusal is then a parse error, 400).
    maxTokens: { enabled: false },
    // The registry-call budget (registryBudget.ts) is the cost that matters for Rantau.
    costLimit: { enabled: false },
    maxDepth: { n: limits.maxDepth, exposeLimits: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    blockFieldSuggestion: { enabled: true, mask: '' },
  }).protect();
  return {
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: armor.plugins as ApolloServerOptions<BaseContext>['plugins'],
    introspection: limits.introspection,
  };
}

/** Refuses, before parsing, a document longer than the limit or a persisted-query hash that is not one. */
export function documentGuard(limits: Pick<LimitSettings, 'maxDocumentChars'>): RequestGuard {
  return (req, body) => {
    let requests = Array.isArray(body) ? body : [body];
    if (req.method === 'GET') {
      const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
      let extensions: unknown;
      try {
        extensions = JSON.parse(params.get('extensions') ?? 'null');
      } catch {
        extensions = undefined;
      }
      requests = [{ query: params.get('query') ?? undefined, extensions }];
    }
    for (const request of requests) {
      if (typeof request !== 'object' || request === null) continue;
      const { query, extensions } = request as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
      if (typeof query === 'string' && query.length > limits.maxDocumentChars) {
        return { status: 400, code: 'BAD_REQUEST', message: `The document has ${query.length} characters; the limit is ${limits.maxDocumentChars}.` };
      }
      const hash = extensions?.persistedQuery?.sha256Hash;
      if (hash !== undefined && (typeof hash !== 'string' || !SHA256_HEX.test(hash))) {
        return { status: 400, code: 'BAD_REQUEST', message: 'persistedQuery.sha256Hash must be 64 hexadecimal characters.' };
      }
    }
    return null;
  };
}
