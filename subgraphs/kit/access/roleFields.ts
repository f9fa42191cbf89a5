// The minimal role-level field allow-list of a country subgraph, until each member state's own
// sharing policy replaces it (issue 10, the policy half): a `verifier` learns whether a
// certificate or permit is valid — its id, country, status, validity dates and AQRF level — and
// nothing that names or describes the worker or the employer. An operation that asks a record
// type for any other field is refused whole with FORBIDDEN, before a registry is called.
import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Role } from '../../../platform/caller.js';
import { RantauError } from '../../../schema/errors/index.js';
import type { CountryContext } from '../countryContext.js';

/**
 * Per role, the only fields of a record type it may ask for; a role not listed is not restricted
 * here. `anonymous` (no caller): none, and not the internal locate and check fields either — the
 * gateway already refuses it every personal-data root field; this holds even if it did not.
 */
export const ROLE_RECORD_FIELDS: Partial<Record<Role | 'anonymous', ReadonlySet<string>>> = {
  verifier: new Set(['__typename', 'id', 'country', 'registry', 'status', 'nativeStatus', 'issuedOn', 'validFrom', 'validUntil', 'aqrfLevel', 'aqrfBasis', 'retrievedAt', 'stale', 'permitClass']),
  anonymous: new Set(),
};

/** Record-type fields in the operation outside `allowed`. */
export function fieldsOutside(document: DocumentNode, typeInfo: TypeInfo, recordTypes: ReadonlySet<string>, allowed: ReadonlySet<string>): string[] {
  const outside = new Set<string>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && recordTypes.has(parent.name) && !allowed.has(node.name.value)) outside.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return [...outside];
}

/** `recordTypes`: the country's certification and permit types; `internalFields`: its locate and check root fields. */
/** Every field asked of the Query type, however nested in fragments. */
function queryFields(document: DocumentNode, typeInfo: TypeInfo): string[] {
  const names: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (typeInfo.getParentType()?.name === 'Query') names.push(node.name.value);
      },
    }),
  );
  return names;
}

export function roleFieldsPlugin(recordTypes: readonly string[], internalFields: readonly string[]): ApolloServerPlugin<CountryContext> {
  const types = new Set(recordTypes);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema }) {
          const role = contextValue.caller?.role ?? 'anonymous';
          const allowed = ROLE_RECORD_FIELDS[role];
          if (!allowed) return;
          if (role === 'anonymous') {
            // `_entities` too: even `{ __typename }` of a reference tells whether the record exists.
            const closed = new Set(['_entities', ...internalFields]);
            const internal = queryFields(document, new TypeInfo(schema)).some((name) => closed.has(name));
            const records = fieldsOutside(document, new TypeInfo(schema), types, allowed);
            if (internal || records.length > 0) throw new RantauError('UNAUTHENTICATED', 'Records are answered only for a named caller.', { http: { status: 401 } });
            return;
          }
          const outside = fieldsOutside(document, new TypeInfo(schema), types, allowed);
          if (outside.length > 0) {
            throw new RantauError('FORBIDDEN', `A ${role} may read the status, validity and AQRF level of a record, not ${outside.join(', ')}.`, { role, fields: outside, http: { status: 403 } });
          }
        },
      };
    },
  };
}
