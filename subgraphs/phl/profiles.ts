import type { RegistryProfile } from '../kit/adapter.js';

/**
 * As published in subgraphs/phl/README.md. TESDA batches up to 40 certificate numbers in the
 * query string of `GET /rcw/certificates`; DOLE's regional offices are slow and have no batch.
 */
export const tesdaProfile: RegistryProfile = { key: 'tesda', kind: 'CERT', format: 'json', ratePerSecond: 15, lookup: { style: 'batch', limit: 40, route: 'GET /rcw/certificates' } };
export const aepProfile: RegistryProfile = { key: 'aep', kind: 'PERMIT', format: 'json', ratePerSecond: 5, lookup: { style: 'single', route: 'GET /aep/api/permits/{aepNo}' } };
