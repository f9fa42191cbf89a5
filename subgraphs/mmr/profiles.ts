import type { RegistryProfile } from '../kit/adapter.js';

/**
 * As published in subgraphs/mmr/README.md. Both services are slow and fail often; NSSA also
 * hangs on 1% of calls, which only the client's timeout ends (subgraphs/kit/registryClient.ts).
 */
export const nssaProfile: RegistryProfile = { key: 'nssa', kind: 'CERT', format: 'json', latencyMs: [200, 500], ratePerSecond: 5, batchLimit: 10, batchRoute: 'POST /nssa/v1/certificates/batch', faultRate: 0.05, hangRate: 0.01 };
export const molProfile: RegistryProfile = { key: 'mol', kind: 'PERMIT', format: 'json', latencyMs: [150, 400], ratePerSecond: 5, batchLimit: null, faultRate: 0.03 };
