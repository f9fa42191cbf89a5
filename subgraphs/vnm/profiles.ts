import type { RegistryProfile } from '../kit/adapter.js';

/** As published in subgraphs/vnm/README.md. Neither registry has a batch endpoint: every number is its own call. */
export const kynangProfile: RegistryProfile = { key: 'kynang', kind: 'CERT', format: 'json', ratePerSecond: 10, lookup: { style: 'single' } };
export const gpldProfile: RegistryProfile = { key: 'gpld', kind: 'PERMIT', format: 'json', ratePerSecond: 10, lookup: { style: 'single' } };
