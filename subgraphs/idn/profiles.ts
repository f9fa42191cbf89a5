import type { RegistryProfile } from '../kit/adapter.js';

/** As published in subgraphs/idn/README.md. */
export const bnspProfile: RegistryProfile = { key: 'bnsp', kind: 'CERT', format: 'json', latencyMs: [40, 120], ratePerSecond: 20, batchLimit: 100, batchRoute: 'POST /sertifikat/batch', faultRate: 0.01 };
export const tkaProfile: RegistryProfile = { key: 'tka', kind: 'PERMIT', format: 'json', latencyMs: [60, 200], ratePerSecond: 10, batchLimit: 50, batchRoute: 'POST /v1/pengesahan/batch', faultRate: 0.01 };
