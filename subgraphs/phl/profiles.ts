import type { RegistryProfile } from '../kit/adapter.js';

/**
 * As published in subgraphs/phl/README.md. TESDA batches up to 40 certificate numbers in the
 * query string of `GET /rcw/certificates`; DOLE's regional offices are slow and have no batch.
 */
export const tesdaProfile: RegistryProfile = { key: 'tesda', kind: 'CERT', format: 'json', latencyMs: [50, 150], ratePerSecond: 15, batchLimit: 40, batchRoute: 'GET /rcw/certificates', faultRate: 0.01 };
export const aepProfile: RegistryProfile = { key: 'aep', kind: 'PERMIT', format: 'json', latencyMs: [100, 300], ratePerSecond: 5, batchLimit: null, faultRate: 0.02 };
