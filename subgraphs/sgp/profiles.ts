import type { RegistryProfile } from '../kit/adapter.js';

/** As published in subgraphs/sgp/README.md: both services are quick and rarely fail. */
export const ssgProfile: RegistryProfile = { key: 'ssg', kind: 'CERT', format: 'json', latencyMs: [10, 40], ratePerSecond: 50, batchLimit: 200, batchRoute: 'POST /v1/credentials/query', faultRate: 0.002 };
export const momProfile: RegistryProfile = { key: 'mom', kind: 'PERMIT', format: 'json', latencyMs: [15, 50], ratePerSecond: 40, batchLimit: 50, batchRoute: 'POST /workpass/v1/passes:batchGet', faultRate: 0.002 };
