import type { RegistryProfile } from '../kit/adapter.js';

/** As published in subgraphs/tha/README.md. DSD has no batch endpoint; the DOE e-Work Permit batches up to 100 numbers. */
export const dsdProfile: RegistryProfile = { key: 'dsd', kind: 'CERT', format: 'json', latencyMs: [60, 180], ratePerSecond: 10, batchLimit: null, faultRate: 0.01 };
export const doeProfile: RegistryProfile = { key: 'doe', kind: 'PERMIT', format: 'json', latencyMs: [40, 120], ratePerSecond: 25, batchLimit: 100, batchRoute: 'POST /ewp/v1/permits/batch', faultRate: 0.01 };
