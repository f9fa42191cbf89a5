// The two Cambodian registries' published behaviour, as subgraphs/khm/README.md states it: both
// JSON with a batch endpoint (NTB ≤ 20, FWCMS ≤ 30), both with an offset-paged search (NTB ≤ 50 a
// page, FWCMS ≤ 200), which is their bulk interface. Neither publishes a change feed.
import type { RegistryProfile } from '../kit/adapter.js';

export const ntbProfile: RegistryProfile = { key: 'ntb', kind: 'CERT', format: 'json', ratePerSecond: 5, lookup: { style: 'batch', limit: 20, route: 'POST /ntb/certificates/lookup' }, bulk: { route: 'GET /ntb/certificates/search', pageSize: 50 } };
export const fwcmsProfile: RegistryProfile = { key: 'fwcms', kind: 'PERMIT', format: 'json', ratePerSecond: 10, lookup: { style: 'batch', limit: 30, route: 'POST /fwcms/api/permits/batch' }, bulk: { route: 'GET /fwcms/api/permits/search', pageSize: 200 } };
