import type { RegistryProfile } from '../kit/adapter.js';

/** As published in subgraphs/khm/README.md. Both registries are JSON with a batch endpoint; neither hangs. */
export const ntbProfile: RegistryProfile = { key: 'ntb', kind: 'CERT', format: 'json', ratePerSecond: 5, lookup: { style: 'batch', limit: 20, route: 'POST /ntb/certificates/lookup' } };
export const fwcmsProfile: RegistryProfile = { key: 'fwcms', kind: 'PERMIT', format: 'json', ratePerSecond: 10, lookup: { style: 'batch', limit: 30, route: 'POST /fwcms/api/permits/batch' } };
