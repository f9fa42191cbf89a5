// The two Philippine registries' published behaviour, as subgraphs/phl/README.md states it. TESDA
// batches up to 40 certificate numbers in the query string of `GET /rcw/certificates` and pages a
// search from page 0 (≤ 100 a page); DOLE's regional offices are slow, have no batch, and page
// their permit list by offset (≤ 50), total in `X-Total-Count`. Those searches are the bulk
// interface; neither registry publishes a change feed.
import type { RegistryProfile } from '../kit/adapter.js';

export const tesdaProfile: RegistryProfile = { key: 'tesda', kind: 'CERT', format: 'json', ratePerSecond: 15, lookup: { style: 'batch', limit: 40, route: 'GET /rcw/certificates' }, bulk: { route: 'GET /rcw/certificates/search', pageSize: 100 } };
export const aepProfile: RegistryProfile = { key: 'aep', kind: 'PERMIT', format: 'json', ratePerSecond: 5, lookup: { style: 'single', route: 'GET /aep/api/permits/{aepNo}' }, bulk: { route: 'GET /aep/api/permits?offset', pageSize: 50 } };
