import type { RegistryProfile } from '../kit/adapter.js';

/**
 * As published in subgraphs/mys/README.md. JPK speaks XML and has no batch endpoint, so every
 * certificate is one call at 8 a second; the Immigration Department answers JSON in batches of 25.
 */
export const jpkProfile: RegistryProfile = { key: 'jpk', kind: 'CERT', format: 'xml', ratePerSecond: 8, lookup: { style: 'single', route: 'GET /ws/sijil' } };
export const imiProfile: RegistryProfile = { key: 'imi', kind: 'PERMIT', format: 'json', ratePerSecond: 30, lookup: { style: 'batch', limit: 25, route: 'POST /v2/passes:batchGet' }, changeFeed: { route: 'GET /v2/changes' } };
