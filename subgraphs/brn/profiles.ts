import type { RegistryProfile } from '../kit/adapter.js';

/**
 * As published in subgraphs/brn/README.md. The LPA batch limit counts licences; a permit is one
 * line of a licence, so at most 20 permit ids can never need more than 20 licences.
 */
export const bdnacProfile: RegistryProfile = { key: 'bdnac', kind: 'CERT', format: 'json', latencyMs: [30, 80], ratePerSecond: 20, batchLimit: 50, batchRoute: 'POST /bdnac/api/sijil/kelompok', faultRate: 0.005 };
export const lpaProfile: RegistryProfile = { key: 'lpa', kind: 'PERMIT', format: 'json', latencyMs: [50, 150], ratePerSecond: 10, batchLimit: 20, batchRoute: 'POST /lpa/api/lesen/kelompok', faultRate: 0.005 };
