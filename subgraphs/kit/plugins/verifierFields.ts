// A `verifier` may learn whether a record is valid and at what AQRF level, nothing more: this
// plugin refuses any other field of a country's record types and its internal locate and check
// fields to a verifier (subgraphs/kit/access/roleFields.ts). The owner's sharing policy, where a
// country plugs one in, decides the rest.
import { roleFieldsPlugin } from '../access/roleFields.js';
import { internalFieldNames } from '../country.js';
import type { CountryPlugin } from './plugin.js';

export function verifierFields(): CountryPlugin {
  return {
    name: 'verifier-fields',
    serverPlugins: ({ code }) => {
      const names = internalFieldNames(code);
      return [roleFieldsPlugin([names.certificationType, names.permitType], [names.locate, names.check, names.search])];
    },
  };
}
