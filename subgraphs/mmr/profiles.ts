// The two Myanmar registries' published behaviour, as subgraphs/mmr/README.md states it. Both are
// slow and fail often; NSSA also hangs on 1% of calls, which only the client's timeout ends. NSSA
// batches up to 10 numbers, MOL has no batch endpoint. Both page a search (NSSA ≤ 20 a page, MOL
// ≤ 50), which is their bulk interface; neither publishes a change feed.
import type { RegistryProfile } from '../kit/adapter.js';

export const nssaProfile: RegistryProfile = { key: 'nssa', kind: 'CERT', format: 'json', ratePerSecond: 5, lookup: { style: 'batch', limit: 10, route: 'POST /nssa/v1/certificates/batch' }, bulk: { route: 'GET /nssa/v1/certificates/search', pageSize: 20 } };
export const molProfile: RegistryProfile = { key: 'mol', kind: 'PERMIT', format: 'json', ratePerSecond: 5, lookup: { style: 'single', route: 'GET /mol/permits/{permitNo}' }, bulk: { route: 'GET /mol/permits/search', pageSize: 50 } };
