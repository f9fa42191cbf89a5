// The gateway's own audit chain (`gateway`): one entry per personal-data operation an
// authenticated caller sends, whoever answers it — the owners behind the gateway, or the
// gateway's response cache, which answers a repeated operation without asking any owner (so
// without this entry a cache hit would leave no trace). The owners write their own chains
// (`country:<CC>`); the two are joined by the request id.
//
// The entry is committed in `willSendResponse`, before the answer leaves; when it cannot be,
// the answer is replaced by AUDIT_UNAVAILABLE with no data (fail closed). Anonymous requests are
// refused before anything is read and are not written: an anonymous flood must not be able to
// fill the log.
import { getVariableValues, type FieldNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { AuditOutcome, ServiceAudit } from '../../platform/audit/index.js';
import { auditUnavailable } from '../../platform/audit/index.js';
import { RantauError } from '../../schema/errors/index.js';
import type { Caller } from '../../platform/caller.js';
import { identitiesAsked, type GatewayContext } from './accessPlugin.js';
import { fragmentsOf, rootFields } from '../operationFields.js';
import { PERSONAL_ROOT_FIELDS } from './rootAccess.js';

/** A global record id (`IDN:CERT:…`, `MYS:PERMIT:…`): what an answer's records are named by. */
const RECORD_ID = /^[A-Z]{3}:(CERT|PERMIT):./s;

/** Every record id in an answer (wherever the caller's selection put it), once each. */
export function recordIdsIn(data: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (typeof inner === 'string') {
          if (key === 'id' && RECORD_ID.test(inner)) found.add(inner);
        } else walk(inner);
      }
    }
  };
  walk(data);
  return [...found];
}

/** Refusals decided before any owner was asked: the caller was told no, nothing was read. */
const REFUSED = new Set(['FORBIDDEN', 'PURPOSE_REQUIRED', 'PURPOSE_NOT_ALLOWED', 'UNAUTHENTICATED', 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX', 'RATE_LIMITED']);

function outcomeOf(recordIds: string[], errors: readonly { extensions?: Record<string, unknown> }[] | undefined, hasData: boolean): AuditOutcome {
  if (recordIds.length > 0) return 'RELEASED';
  const codes = (errors ?? []).map((error) => String(error.extensions?.code ?? ''));
  if (codes.length > 0 && codes.every((code) => REFUSED.has(code))) return 'WITHHELD';
  if (codes.length > 0 || !hasData) return 'ERROR';
  return 'NOT_FOUND';
}

/** The identities the operation names in its `worker`/`workers` fields, as the log keeps them (keyed HMACs). */
function subjectsOf(audit: ServiceAudit, operation: OperationDefinitionNode, fields: readonly FieldNode[], schema: GraphQLSchema, variables: Record<string, unknown>): string[] {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return [];
  const subjects = new Set<string>();
  for (const field of fields) {
    if (field.name.value !== 'worker' && field.name.value !== 'workers') continue;
    let identities: ReturnType<typeof identitiesAsked> = [];
    try {
      identities = identitiesAsked(field, schema, coerced.coerced);
    } catch {
      // Arguments that do not coerce are the caller's error, reported by execution; no one to name.
    }
    for (const { nationality, documentNumber } of identities) {
      if (typeof nationality === 'string' && typeof documentNumber === 'string') subjects.add(audit.subject(nationality, documentNumber));
    }
  }
  return [...subjects];
}

/**
 * What the gateway's entry says about one operation and its answer, whoever asked: the operation's
 * hash, the identities it names, the records that left and the outcome. Null when the operation
 * reads no personal data (nothing is written). The fast path (gateway/fastPath.ts) keeps these
 * with a cached answer and writes them for each caller it answers.
 */
export interface OperationAudit {
  operation: string | null;
  subjects: string[];
  recordIds: string[];
  outcome: AuditOutcome;
}

export function operationAudit(audit: ServiceAudit, requestContext: GraphQLRequestContextWillSendResponse<GatewayContext>): OperationAudit | null {
  const { operation, document, schema, response, request, source } = requestContext;
  if (!operation || !document || response.body.kind !== 'single') return null;
  const fields = rootFields(operation, fragmentsOf(document));
  if (!fields.some((field) => PERSONAL_ROOT_FIELDS.has(field.name.value))) return null;
  const result = response.body.singleResult;
  const recordIds = recordIdsIn(result.data);
  return {
    operation: audit.operation(source),
    subjects: subjectsOf(audit, operation, fields, schema, request.variables ?? {}),
    recordIds,
    outcome: outcomeOf(recordIds, result.errors as never, result.data !== null && result.data !== undefined),
  };
}

/** Writes the gateway's entry for one caller's operation; rejects when it cannot be committed. */
export function recordOperation(audit: ServiceAudit, caller: Caller, facts: OperationAudit): Promise<void> {
  return audit.record({
    requestId: caller.requestId,
    client: caller.client,
    memberState: caller.memberState,
    role: caller.role,
    officer: caller.officer,
    purpose: caller.purpose,
    action: 'QUERY',
    ...facts,
    // The owners decide the level, each in its own chain; the gateway records what left it.
    level: null,
  });
}

export function gatewayAuditPlugin(audit: ServiceAudit): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(requestContext: GraphQLRequestContextWillSendResponse<GatewayContext>) {
          const caller = requestContext.contextValue.caller;
          if (!caller) return;
          const facts = operationAudit(audit, requestContext);
          if (!facts) return;
          try {
            await recordOperation(audit, caller, facts);
          } catch {
            const refusal: RantauError = auditUnavailable(audit.writer);
            const { response } = requestContext;
            response.body = { kind: 'single', singleResult: { errors: [{ message: refusal.message, extensions: { ...refusal.extensions } }] } };
            response.http.status = 503;
          }
        },
      };
    },
  };
}
