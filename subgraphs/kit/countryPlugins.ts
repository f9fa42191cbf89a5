// The one list of a country subgraph's cross-cutting concerns (Apollo Server plugins). Each
// concern is its own module; add it here. The request context every plugin sees is a
// CountryContext: `caller` is the verified Caller (null when anonymous), `admission.context` the
// signed context it came in (issuer, jti, parent jti).
import type { ApolloServerPlugin } from '@apollo/server';
import { cacheHintPlugin } from './cacheHints.js';
import { roleFieldsPlugin } from './access/roleFields.js';
import { internalFieldNames } from './country.js';
import type { CountryContext } from './countryContext.js';

export function countryPlugins(subgraph: { code: string }): ApolloServerPlugin<CountryContext>[] {
  const names = internalFieldNames(subgraph.code);
  return [
    roleFieldsPlugin([names.certificationType, names.permitType], [names.locate, names.check]),
    cacheHintPlugin(),
  ];
}
