// As published in subgraphs/brn/README.md. The LPA batch limit counts licences; a permit is one
// line of a licence, so at most 20 permit ids can never need more than 20 licences. Both registries
// page their searches (`…/carian`) up to 100 records a page.
import type { RegistryProfile } from '../kit/adapter.js';

export const bdnacProfile: RegistryProfile = { key: 'bdnac', kind: 'CERT', format: 'json', ratePerSecond: 20, lookup: { style: 'batch', limit: 50, route: 'POST /bdnac/api/sijil/kelompok' }, bulk: { route: 'GET /bdnac/api/sijil/carian', pageSize: 100 } };
export const lpaProfile: RegistryProfile = { key: 'lpa', kind: 'PERMIT', format: 'json', ratePerSecond: 10, lookup: { style: 'batch', limit: 20, route: 'POST /lpa/api/lesen/kelompok' }, bulk: { route: 'GET /lpa/api/lesen/carian', pageSize: 100 } };
