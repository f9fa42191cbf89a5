import type { RegistryProfile } from '../kit/adapter.js';

/** As published in subgraphs/sgp/README.md: both services are quick and rarely fail; both list every record by cursor, up to 500 a page. */
export const ssgProfile: RegistryProfile = { key: 'ssg', kind: 'CERT', format: 'json', ratePerSecond: 50, lookup: { style: 'batch', limit: 200, route: 'POST /v1/credentials/query' }, bulk: { route: 'GET /v1/credentials', pageSize: 500 } };
export const momProfile: RegistryProfile = { key: 'mom', kind: 'PERMIT', format: 'json', ratePerSecond: 40, lookup: { style: 'batch', limit: 50, route: 'POST /workpass/v1/passes:batchGet' }, changeFeed: { route: 'GET /workpass/v1/changes' }, bulk: { route: 'GET /workpass/v1/passes', pageSize: 500 } };
