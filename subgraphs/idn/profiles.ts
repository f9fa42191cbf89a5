import type { RegistryProfile } from '../kit/adapter.js';

/** As published in subgraphs/idn/README.md. */
export const bnspProfile: RegistryProfile = { key: 'bnsp', kind: 'CERT', format: 'json', ratePerSecond: 20, lookup: { style: 'batch', limit: 100, route: 'POST /sertifikat/batch' }, changeFeed: { route: 'GET /perubahan' }, bulk: { route: 'GET /sertifikat/cari', pageSize: 100 } };
export const tkaProfile: RegistryProfile = { key: 'tka', kind: 'PERMIT', format: 'json', ratePerSecond: 10, lookup: { style: 'batch', limit: 50, route: 'POST /v1/pengesahan/batch' }, changeFeed: { route: 'GET /v1/perubahan' }, bulk: { route: 'GET /v1/pengesahan', pageSize: 200 } };
