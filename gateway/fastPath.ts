// The gateway's fast path: a repeated cacheable operation answered before Apollo Server parses,
// validates or plans it (issue 15: on a warm answer those steps were most of the gateway's work).
//
// Contract: the fast path answers only what the response cache (caching.ts) would answer, to no
// one the response cache would not answer it to, for no longer:
//  - it stores only what the response cache stores: the data of a query answered without errors
//    whose cache policy (the subgraphs' Cache-Control, folded by Apollo Gateway) has a positive
//    max-age, never a `private` answer to an anonymous caller, and for exactly that max-age;
//  - an entry is keyed by an HMAC (the response cache's key secret) of the supergraph, the
//    document (its SHA-256, so a persisted-query hash finds it too), the operation name, the
//    variables, the caller's entitlement (caching.ts: role, member state, purpose, bound
//    identity), the purpose header as sent and the Accept header; no key says whom it is for,
//    and values go to the same store as the response cache's, sealed there like every value;
//  - it runs after everything that runs on the raw request: the rate limit, the token (verified
//    on every request; only then is the entitlement known), the document guard. The caller's
//    registry-call quota is charged the operation's estimate, stored with the answer, and the
//    gateway's audit entry (auth/gatewayAudit.ts) is written for this caller before the answer
//    leaves, from the facts stored with it; when it cannot be, the answer is AUDIT_UNAVAILABLE,
//    as on a response-cache hit;
//  - mutations, introspection, answers with errors, requests for the cost estimate, GET and
//    anything it does not recognise take the whole pipeline.
import { createHash, createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import { auditUnavailable, type ServiceAudit } from '../platform/audit/index.js';
import { operationAudit, recordOperation, type OperationAudit } from './auth/gatewayAudit.js';
import type { GatewayContext } from './auth/accessPlugin.js';
import { trace } from '@opentelemetry/api';
import type { Caller } from '../platform/caller.js';
import type { Admission } from '../platform/trust/admission.js';
import type { CheckRefusal, RequestShortcut, ShortcutAnswer } from '../platform/httpServer.js';
import type { CacheStore } from '../platform/store/store.js';
import type { ServiceMetrics } from '../platform/metrics.js';
import { entitlement } from '../platform/caller.js';
import { ESTIMATE_HEADER } from './limits/registryBudget.js';

const PREFIX = 'rantau:fast:v1:';

/** What is stored: the exact body, its cache policy, when it was made, what it costs, what the audit says of it, for metrics its operation. */
interface Entry {
  body: string;
  /** The gateway's audit facts when the operation reads personal data (null: nothing to write). */
  audit: OperationAudit | null;
  maxAgeS: number;
  scope: 'PUBLIC' | 'PRIVATE';
  storedAt: number;
  registryCalls: number;
  operation: string | null;
  contentType: string;
}

/** One request's part in the fast path: its key, and the entry it will leave if it is cacheable. */
export interface FastPathRequest {
  key: string;
  pending?: Omit<Entry, 'contentType'>;
}

/** The part of the gateway's per-request context the fast path reads. */
export interface FastPathContext {
  fastPath?: FastPathRequest;
}

export interface FastPathOptions {
  /** The response cache's store (sealed when it is Redis). */
  store: CacheStore;
  /** The response cache's key secret. */
  keySecret: Buffer;
  metrics: ServiceMetrics;
  /** The operation's estimated registry calls (limits/registryBudget.ts), stored with the answer. */
  estimate: (context: GraphQLRequestContext<BaseContext>) => number;
  /** Charges the caller's registry-call quota (limits/callerLimits.ts); a refusal is the answer. */
  chargeRegistryCalls: (callerKey: string | undefined, calls: number) => Promise<CheckRefusal | null>;
  /** Who a request counts against (limits/callerKey.ts). */
  callerKey: (caller: Caller | null, req: IncomingMessage) => string;
  /** The gateway's audit chain, when it keeps one: every answer of personal data is written to it. */
  audit?: ServiceAudit;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const APQ_HASH = /^[0-9a-f]{64}$/;

/** The document's identity: the SHA-256 of its text, or the persisted-query hash that stands for it. */
function documentId(body: Record<string, unknown>): string | null {
  const { query, extensions } = body;
  if (extensions !== undefined && !(isObject(extensions) && Object.keys(extensions).every((name) => name === 'persistedQuery'))) return null;
  if (typeof query === 'string') return sha256(query);
  if (query !== undefined) return null;
  const hash = isObject(extensions) && isObject(extensions.persistedQuery) ? extensions.persistedQuery.sha256Hash : undefined;
  return typeof hash === 'string' && APQ_HASH.test(hash) ? hash : null;
}

export class FastPath implements RequestShortcut {
  private supergraph = '';
  private readonly requests = new WeakMap<IncomingMessage, FastPathRequest>();

  constructor(private readonly options: FastPathOptions) {}

  /** A new supergraph: answers planned against the previous one are not found any more. */
  supergraphLoaded(supergraphSdl: string): void {
    this.supergraph = sha256(supergraphSdl);
  }

  /** The entry's key for this request, or null when the request must take the whole pipeline. */
  keyFor(req: IncomingMessage, admission: Admission, body: unknown): string | null {
    if (req.method !== 'POST' || !isObject(body) || this.supergraph === '') return null;
    const estimateWanted = req.headers[ESTIMATE_HEADER];
    if (estimateWanted !== undefined && estimateWanted !== 'false') return null;
    const { operationName, variables } = body;
    if (operationName != null && typeof operationName !== 'string') return null;
    if (variables != null && !isObject(variables)) return null;
    const document = documentId(body);
    if (!document) return null;
    const who = admission.caller ? entitlement(admission.caller) : 'anonymous';
    const material = JSON.stringify([this.supergraph, document, operationName ?? null, variables ?? null, who, admission.declaredPurpose ?? null, req.headers.accept ?? null]);
    return createHmac('sha256', this.options.keySecret).update(material).digest('base64url');
  }

  /** The request's state, for its GraphQL context (undefined when it takes the whole pipeline). */
  requestOf(req: IncomingMessage): FastPathRequest | undefined {
    return this.requests.get(req);
  }

  async answer(req: IncomingMessage, admission: Admission, body: unknown): Promise<ShortcutAnswer | null> {
    const key = this.keyFor(req, admission, body);
    if (!key) return null;
    this.requests.set(req, { key });
    const started = process.hrtime.bigint();
    const [stored] = await this.options.store.getMany([PREFIX + key]);
    const entry = stored === null ? null : parseEntry(stored);
    const ageMs = entry ? Date.now() - entry.storedAt : 0;
    if (!entry || ageMs >= entry.maxAgeS * 1000) return null;
    const { metrics } = this.options;
    const operation = entry.operation ? metrics.operations.value(entry.operation) : 'anonymous';
    const refusal = await this.options.chargeRegistryCalls(this.options.callerKey(admission.caller, req), entry.registryCalls);
    // Counted as the whole pipeline counts: a quota refusal before the cache is asked, a hit even
    // when its audit entry then cannot be written.
    if (!refusal) {
      metrics.cache.inc({ cache: 'response', country: '', kind: 'fast', outcome: 'hit' });
      trace.getActiveSpan()?.setAttributes({ 'rantau.cache.response': 'hit', 'rantau.cache.fast_path': true });
    }
    const refused = refusal ?? (await this.audited(admission.caller, entry.audit));
    metrics.requests.inc({ operation, outcome: refused ? 'error' : 'ok' });
    metrics.requestSeconds.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
    if (refused) return { refusal: refused };
    return {
      status: 200,
      headers: { 'content-type': entry.contentType, 'cache-control': `max-age=${entry.maxAgeS}, ${entry.scope.toLowerCase()}`, age: String(Math.round(ageMs / 1000)) },
      body: entry.body,
    };
  }

  /** Writes the gateway's audit entry for this caller; the refusal when it cannot be committed (fail closed). */
  private async audited(caller: Caller | null, facts: OperationAudit | null): Promise<CheckRefusal | null> {
    const { audit } = this.options;
    if (!audit || !caller || !facts) return null;
    try {
      await recordOperation(audit, caller, facts);
      return null;
    } catch {
      const refusal = auditUnavailable(audit.writer);
      return { status: 503, code: 'AUDIT_UNAVAILABLE', message: refusal.message };
    }
  }

  /** The slow path answered: keep the answer when the plugin found it cacheable and it went out as a 200. */
  answered(req: IncomingMessage, response: { status: number; headers: ReadonlyMap<string, string> }): void {
    const request = this.requests.get(req);
    if (!request?.pending || response.status !== 200) return;
    const entry: Entry = { ...request.pending, contentType: response.headers.get('content-type') ?? 'application/json; charset=utf-8' };
    // A store never throws (platform/store/store.ts); the write is not waited for.
    void this.options.store.setMany([{ key: PREFIX + request.key, value: JSON.stringify(entry), ttlMs: entry.maxAgeS * 1000 }]);
  }

  /** Decides, as the response cache decides, whether the slow path's answer may be kept. */
  plugin(): ApolloServerPlugin<GatewayContext> {
    const { estimate, audit } = this.options;
    return {
      requestDidStart: async () => ({
        willSendResponse: async (context) => {
          const request = (context.contextValue as GatewayContext & FastPathContext).fastPath;
          if (!request || context.response.body.kind !== 'single' || context.operation?.operation !== 'query') return;
          // An answer the response cache gave keeps the lifetime it was given; it is not renewed here.
          if (context.metrics.responseCacheHit) return;
          const { data, errors } = context.response.body.singleResult;
          const policy = context.overallCachePolicy.policyIfCacheable();
          if (errors || !data || !policy) return;
          const caller = context.contextValue.caller ?? null;
          if (policy.scope === 'PRIVATE' && caller === null) return;
          request.pending = {
            // What the response cache answers on a hit: the data alone, as Apollo Server prints it.
            body: `${JSON.stringify({ data })}\n`,
            maxAgeS: policy.maxAge,
            scope: policy.scope,
            storedAt: Date.now(),
            registryCalls: estimate(context),
            audit: audit && caller ? operationAudit(audit, context) : null,
            operation: context.operationName ?? null,
          };
        },
      }),
    };
  }
}

function parseEntry(text: string): Entry | null {
  try {
    const entry = JSON.parse(text) as Entry;
    return typeof entry.body === 'string' && typeof entry.maxAgeS === 'number' && typeof entry.storedAt === 'number' ? entry : null;
  } catch {
    return null;
  }
}
