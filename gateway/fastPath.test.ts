import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { FastPath } from './fastPath.js';
import { ServiceMetrics } from '../platform/metrics.js';
import { MemoryStore } from '../platform/store/memoryStore.js';
import type { Caller } from '../platform/caller.js';
import type { Admission } from '../platform/trust/admission.js';

// Which requests the fast path may answer and under which key; what it answers is proven over
// HTTP in test/e2e/fastPath.e2e.test.ts.
const officer: Caller = { client: 'c1', memberState: 'IDN', role: 'case-officer', purposes: ['PERMIT_APPLICATION'], purpose: 'PERMIT_APPLICATION', officer: 'o1', subject: null, requestId: 'r1' };
const subject = (documentNumber: string): Caller => ({ ...officer, role: 'subject', purposes: ['WORKER_REQUEST'], purpose: 'WORKER_REQUEST', subject: { nationality: 'IDN', documentNumber } });
const as = (caller: Caller | null, declaredPurpose = caller?.purpose ?? undefined): Admission => ({ caller, ...(declaredPurpose ? { declaredPurpose } : {}) });
const request = (headers: Record<string, string> = {}, method = 'POST') => ({ method, headers }) as unknown as IncomingMessage;
const QUERY = '{ worker(nationality: "IDN", documentNumber: "C4812290") { id } }';

function fastPath() {
  const path = new FastPath({ store: new MemoryStore(10), keySecret: randomBytes(32), metrics: new ServiceMetrics('gateway-test', 10), estimate: () => 0, chargeRegistryCalls: async () => null, callerKey: () => 'k' });
  path.supergraphLoaded('type Query { worker: String }');
  return path;
}

describe('the fast path’s keys', () => {
  it('differ by entitlement, variables, operation name, declared purpose and Accept, and not by officer or client', () => {
    const path = fastPath();
    const key = (admission: Admission, body: Record<string, unknown> = { query: QUERY }, headers: Record<string, string> = {}) => path.keyFor(request(headers), admission, body);
    const base = key(as(officer));
    expect(base).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key(as({ ...officer, officer: 'o2', client: 'c2', requestId: 'r2' }))).toBe(base);
    const others = [
      key(as({ ...officer, memberState: 'MYS' })),
      key(as({ ...officer, role: 'inspector' })),
      key(as({ ...officer, purpose: null }, 'PERMIT_APPLICATION')),
      key(as(officer, 'SKILLS_RECOGNITION')),
      key(as(subject('C4812290'))),
      key(as(null)),
      key(as(officer), { query: QUERY, variables: { n: 'IDN' } }),
      key(as(officer), { query: QUERY, operationName: 'W' }),
      key(as(officer), { query: `${QUERY} ` }),
      key(as(officer), { query: QUERY }, { accept: 'application/graphql-response+json' }),
    ];
    expect(new Set([base, ...others]).size).toBe(others.length + 1);
    expect(key(as(subject('C4812290')))).not.toBe(key(as(subject('C4812291'))));
  });

  it('find a persisted query by its hash as by its text, and change with the supergraph', () => {
    const path = fastPath();
    const hash = createHash('sha256').update(QUERY).digest('hex');
    const byText = path.keyFor(request(), as(officer), { query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(path.keyFor(request(), as(officer), { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })).toBe(byText);
    expect(path.keyFor(request(), as(officer), { query: QUERY })).toBe(byText);
    path.supergraphLoaded('type Query { worker: String, workers: [String] }');
    expect(path.keyFor(request(), as(officer), { query: QUERY })).not.toBe(byText);
  });

  it('leave to the whole pipeline what they cannot key safely', () => {
    const path = fastPath();
    expect(path.keyFor(request({}, 'GET'), as(officer), undefined)).toBeNull();
    expect(path.keyFor(request({ 'rantau-cost-estimate': 'true' }), as(officer), { query: QUERY })).toBeNull();
    expect(path.keyFor(request(), as(officer), [{ query: QUERY }])).toBeNull();
    expect(path.keyFor(request(), as(officer), { query: QUERY, variables: [1] })).toBeNull();
    expect(path.keyFor(request(), as(officer), { query: QUERY, operationName: 3 })).toBeNull();
    expect(path.keyFor(request(), as(officer), { query: QUERY, extensions: { other: true } })).toBeNull();
    expect(path.keyFor(request(), as(officer), { extensions: { persistedQuery: { sha256Hash: 'not-a-hash' } } })).toBeNull();
    expect(path.keyFor(request(), as(officer), {})).toBeNull();
    const beforeSchema = new FastPath({ store: new MemoryStore(10), keySecret: randomBytes(32), metrics: new ServiceMetrics('gateway-test-2', 10), estimate: () => 0, chargeRegistryCalls: async () => null, callerKey: () => 'k' });
    expect(beforeSchema.keyFor(request(), as(officer), { query: QUERY })).toBeNull();
  });
});
