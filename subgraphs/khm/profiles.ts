import type { RegistryProfile } from '../kit/adapter.js';

/** As published in subgraphs/khm/README.md. Both registries are JSON with a batch endpoint; neither hangs. */
export const ntbProfile: RegistryProfile = { key: 'ntb', kind: 'CERT', format: 'json', latencyMs: [100, 300], ratePerSecond: 5, batchLimit: 20, batchRoute: 'POST /ntb/certificates/lookup', faultRate: 0.02 };
export const fwcmsProfile: RegistryProfile = { key: 'fwcms', kind: 'PERMIT', format: 'json', latencyMs: [80, 200], ratePerSecond: 10, batchLimit: 30, batchRoute: 'POST /fwcms/api/permits/batch', faultRate: 0.01 };
