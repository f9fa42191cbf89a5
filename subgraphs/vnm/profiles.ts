import type { RegistryProfile } from '../kit/adapter.js';

/** As published in subgraphs/vnm/README.md. Neither registry has a batch endpoint: every number is its own call. */
export const kynangProfile: RegistryProfile = { key: 'kynang', kind: 'CERT', format: 'json', latencyMs: [80, 200], ratePerSecond: 10, batchLimit: null, faultRate: 0.01 };
export const gpldProfile: RegistryProfile = { key: 'gpld', kind: 'PERMIT', format: 'json', latencyMs: [100, 250], ratePerSecond: 10, batchLimit: null, faultRate: 0.02 };
