import type { RegistryProfile } from '../kit/adapter.js';

/** As published in subgraphs/tha/README.md. DSD has no batch endpoint; the DOE e-Work Permit batches up to 100 numbers. */
export const dsdProfile: RegistryProfile = { key: 'dsd', kind: 'CERT', format: 'json', ratePerSecond: 10, lookup: { style: 'single', route: 'GET /api/v1/skill-cert/{cert_no}' } };
export const doeProfile: RegistryProfile = { key: 'doe', kind: 'PERMIT', format: 'json', ratePerSecond: 25, lookup: { style: 'batch', limit: 100, route: 'POST /ewp/v1/permits/batch' } };
