// As published in subgraphs/mys/README.md. JPK speaks XML and has no batch endpoint, so every
// certificate is one call at 8 a second; its search pages 50 at a time. The Immigration Department
// answers JSON in batches of 25 and pages its search up to 500 at a time.
import type { RegistryProfile } from '../kit/adapter.js';

export const jpkProfile: RegistryProfile = { key: 'jpk', kind: 'CERT', format: 'xml', ratePerSecond: 8, lookup: { style: 'single', route: 'GET /ws/sijil' }, bulk: { route: 'GET /ws/sijil/carian', pageSize: 50 } };
export const imiProfile: RegistryProfile = { key: 'imi', kind: 'PERMIT', format: 'json', ratePerSecond: 30, lookup: { style: 'batch', limit: 25, route: 'POST /v2/passes:batchGet' }, changeFeed: { route: 'GET /v2/changes' }, bulk: { route: 'GET /v2/passes:search', pageSize: 500 } };
