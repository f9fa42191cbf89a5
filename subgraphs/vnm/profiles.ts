// The Vietnamese registries' published behaviour (subgraphs/vnm/README.md). Neither has a batch
// endpoint: every number is its own call. Both publish a paged search, the bulk interface.
import type { RegistryProfile } from '../kit/adapter.js';

export const kynangProfile: RegistryProfile = { key: 'kynang', kind: 'CERT', format: 'json', ratePerSecond: 10, lookup: { style: 'single', route: 'GET /api/chung-chi/{so_chung_chi}' }, bulk: { route: 'GET /api/chung-chi/tra-cuu', pageSize: 100 } };
export const gpldProfile: RegistryProfile = { key: 'gpld', kind: 'PERMIT', format: 'json', ratePerSecond: 10, lookup: { style: 'single', route: 'GET /api/giay-phep/{so_giay_phep}' }, bulk: { route: 'GET /api/giay-phep/tra-cuu', pageSize: 200 } };
