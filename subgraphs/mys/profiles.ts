import type { RegistryProfile } from '../kit/adapter.js';

/**
 * As published in subgraphs/mys/README.md. JPK speaks XML and has no batch endpoint, so every
 * certificate is one call at 8 a second; the Immigration Department answers JSON in batches of 25.
 */
export const jpkProfile: RegistryProfile = { key: 'jpk', kind: 'CERT', format: 'xml', latencyMs: [80, 250], ratePerSecond: 8, batchLimit: null, faultRate: 0.02 };
export const imiProfile: RegistryProfile = { key: 'imi', kind: 'PERMIT', format: 'json', latencyMs: [30, 90], ratePerSecond: 30, batchLimit: 25, batchRoute: 'POST /v2/passes:batchGet', faultRate: 0.005 };
