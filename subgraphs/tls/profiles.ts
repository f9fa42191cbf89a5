import type { RegistryProfile } from '../kit/adapter.js';

/**
 * As published in subgraphs/tls/README.md. Neither service has a batch endpoint: every record
 * by number is one `GET`, which the kit paces under the 5 requests a second both allow.
 */
export const indmoProfile: RegistryProfile = { key: 'indmo', kind: 'CERT', format: 'json', ratePerSecond: 5, lookup: { style: 'single' } };
export const sefopeProfile: RegistryProfile = { key: 'sefope', kind: 'PERMIT', format: 'json', ratePerSecond: 5, lookup: { style: 'single' } };
