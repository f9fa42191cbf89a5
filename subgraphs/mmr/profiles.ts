import type { RegistryProfile } from '../kit/adapter.js';

/**
 * As published in subgraphs/mmr/README.md. Both services are slow and fail often; NSSA also
 * hangs on 1% of calls, which only the client's timeout ends (subgraphs/kit/registryClient.ts).
 */
export const nssaProfile: RegistryProfile = { key: 'nssa', kind: 'CERT', format: 'json', ratePerSecond: 5, lookup: { style: 'batch', limit: 10, route: 'POST /nssa/v1/certificates/batch' } };
export const molProfile: RegistryProfile = { key: 'mol', kind: 'PERMIT', format: 'json', ratePerSecond: 5, lookup: { style: 'single', route: 'GET /mol/permits/{permitNo}' } };
