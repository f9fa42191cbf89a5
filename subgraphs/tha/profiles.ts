// The two Thai registries' published behaviour, as subgraphs/tha/README.md states it: DSD has no
// batch endpoint, the DOE e-Work Permit batches up to 100 numbers; both page a search endpoint
// (DSD ≤ 100 a page, DOE ≤ 500), which is their bulk interface. Neither publishes a change feed.
import type { RegistryProfile } from '../kit/adapter.js';

export const dsdProfile: RegistryProfile = { key: 'dsd', kind: 'CERT', format: 'json', ratePerSecond: 10, lookup: { style: 'single', route: 'GET /api/v1/skill-cert/{cert_no}' }, bulk: { route: 'GET /api/v1/skill-cert/search', pageSize: 100 } };
export const doeProfile: RegistryProfile = { key: 'doe', kind: 'PERMIT', format: 'json', ratePerSecond: 25, lookup: { style: 'batch', limit: 100, route: 'POST /ewp/v1/permits/batch' }, bulk: { route: 'GET /ewp/v1/permits/search', pageSize: 500, linksUnnamedDocuments: { nationalities: ['MMR', 'KHM', 'LAO'] } } };
