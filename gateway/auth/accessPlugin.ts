// Checks every operation against who is asking, before anything is planned or fetched:
//   personal-data or statistics root field, no token → UNAUTHENTICATED (401)
//   a root field the caller's role may not ask   → FORBIDDEN (403)
//   no Rantau-Purpose, or one the token does not allow → PURPOSE_REQUIRED (400) / PURPOSE_NOT_ALLOWED (403)
//   a subject asking for another identity        → FORBIDDEN (403)
// Root fields are found through fragments and aliases, so neither hides a field.
import { getArgumentValues, getVariableValues, type FieldNode, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { PURPOSES, type Caller } from '../../platform/caller.js';
import type { Admission } from '../../platform/trust/admission.js';
import { RantauError } from '../../schema/errors/index.js';
import { normalizeDocumentNumber } from '../../schema/ids/index.js';
import { PERSONAL_ROOT_FIELDS, ROLE_ROOT_FIELDS, STATISTICS_ROOT_FIELDS } from './rootAccess.js';
import { fragmentsOf, rootFields } from '../operationFields.js';

export interface GatewayContext {
  caller: Caller | null;
  admission: Admission;
  /** Who the request counts against for limits and quotas (gateway/limits/callerKey.ts). */
  callerKey?: string;
}

const refuse = (code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'PURPOSE_REQUIRED' | 'PURPOSE_NOT_ALLOWED', status: number, message: string, extensions: Record<string, unknown> = {}) =>
  new RantauError(code, message, { ...extensions, http: { status } });

/** The identities a `worker` or `workers` field names (arguments as the schema coerces them). */
export function identitiesAsked(field: FieldNode, schema: GraphQLSchema, variables: Record<string, unknown>): Array<{ nationality: unknown; documentNumber: unknown }> {
  const definition = schema.getQueryType()?.getFields()[field.name.value];
  if (!definition) return [];
  const args = getArgumentValues(definition, field, variables);
  if (field.name.value === 'worker') return [{ nationality: args.nationality, documentNumber: args.documentNumber }];
  return Array.isArray(args.identities) ? (args.identities as Array<{ nationality: unknown; documentNumber: unknown }>) : [];
}

function isOwnIdentity(caller: Caller, identity: { nationality: unknown; documentNumber: unknown }): boolean {
  const subject = caller.subject;
  return (
    subject !== null &&
    typeof identity.nationality === 'string' &&
    typeof identity.documentNumber === 'string' &&
    identity.nationality.trim().toUpperCase() === subject.nationality &&
    normalizeDocumentNumber(identity.documentNumber) === subject.documentNumber
  );
}

export function accessPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request, contextValue }) {
          if (!operation) return;
          const roots = rootFields(operation, fragmentsOf(document));
          const statistics = [...new Set(roots.filter((field) => STATISTICS_ROOT_FIELDS.has(field.name.value)).map((field) => field.name.value))];
          if (statistics.length > 0) {
            // Counts name no one: a token is needed, a purpose is not.
            if (!contextValue.caller) throw refuse('UNAUTHENTICATED', 401, `${statistics.join(', ')} ${statistics.length > 1 ? 'need' : 'needs'} a bearer token (Authorization: Bearer <token>) of an analyst, inspector or operator. See docs/analysts.md.`, { field: statistics[0] });
            const role = contextValue.caller.role;
            const refused = statistics.find((name) => !ROLE_ROOT_FIELDS[role].has(name));
            if (refused !== undefined) throw refuse('FORBIDDEN', 403, `A caller with role ${role} may not ask for ${refused}.`, { role, field: refused });
          }
          const personal = roots.filter((field) => PERSONAL_ROOT_FIELDS.has(field.name.value));
          if (personal.length === 0) return;
          const names = [...new Set(personal.map((field) => field.name.value))];
          const { caller } = contextValue;
          if (!caller) {
            throw refuse('UNAUTHENTICATED', 401, `${names.join(', ')} ${names.length > 1 ? 'are' : 'is'} personal data: send a bearer token (Authorization: Bearer <token>) and the purpose (Rantau-Purpose). See docs/security.md.`);
          }
          const allowedFields = ROLE_ROOT_FIELDS[caller.role];
          const forbidden = names.filter((name) => !allowedFields.has(name));
          if (forbidden.length > 0) {
            throw refuse('FORBIDDEN', 403, `A caller with role ${caller.role} may not ask for ${forbidden.join(', ')}.`, { role: caller.role, field: forbidden[0] });
          }
          const declared = contextValue.admission.declaredPurpose;
          if (!declared) {
            throw refuse('PURPOSE_REQUIRED', 400, `Declare why you ask in the Rantau-Purpose header (your token allows: ${caller.purposes.join(', ') || 'none'}).`, { allowed: caller.purposes });
          }
          if (caller.purpose === null) {
            const known = (PURPOSES as readonly string[]).includes(declared);
            throw refuse('PURPOSE_NOT_ALLOWED', 403, known ? `Your token does not allow the purpose ${declared} (it allows: ${caller.purposes.join(', ') || 'none'}).` : `Rantau-Purpose must be one of ${PURPOSES.join(', ')}.`, { allowed: caller.purposes });
          }
          if (caller.role === 'subject') {
            const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
            // Variables that do not coerce are reported by execution itself, as BAD_USER_INPUT.
            if (coerced.errors) return;
            const others = personal.flatMap((field) => identitiesAsked(field, schema, coerced.coerced)).filter((identity) => !isOwnIdentity(caller, identity));
            if (others.length > 0) throw refuse('FORBIDDEN', 403, 'A subject may look up only the identity their token is bound to.', { role: caller.role, field: personal[0].name.value });
          }
        },
      };
    },
  };
}
